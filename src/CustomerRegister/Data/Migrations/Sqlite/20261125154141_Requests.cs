using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CustomerRegister.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Requests : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "data_subject_requests",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    subject_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    type = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    channel = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    source = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    state = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    received_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    language = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    requester_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    requester_email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true),
                    requester_phone = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    requester_address = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    assigned_to = table.Column<Guid>(type: "TEXT", nullable: true),
                    duplicate_of_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    matched_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    matched_by = table.Column<Guid>(type: "TEXT", nullable: true),
                    email_token_hash = table.Column<byte[]>(type: "BLOB", maxLength: 32, nullable: true),
                    email_confirmed_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    identity_method = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    identity_note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    identity_verified_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    identity_verified_by = table.Column<Guid>(type: "TEXT", nullable: true),
                    original_due_date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    due_date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    extended_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    extended_by = table.Column<Guid>(type: "TEXT", nullable: true),
                    extension_reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    extension_letter = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    extension_told_via = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    closed_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    closed_by = table.Column<Guid>(type: "TEXT", nullable: true),
                    resolution = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    response_letter = table.Column<string>(type: "TEXT", maxLength: 6000, nullable: true),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_data_subject_requests", x => x.id);
                    table.ForeignKey(
                        name: "fk_data_subject_requests_data_subject_requests_duplicate_of_id",
                        column: x => x.duplicate_of_id,
                        principalTable: "data_subject_requests",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_data_subject_requests_subject_subject_id",
                        column: x => x.subject_id,
                        principalTable: "subjects",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "request_actions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    request_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    actor_kind = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    actor_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    action = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_request_actions", x => x.id);
                    table.ForeignKey(
                        name: "fk_request_actions_data_subject_requests_request_id",
                        column: x => x.request_id,
                        principalTable: "data_subject_requests",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_data_subject_requests_duplicate_of_id",
                table: "data_subject_requests",
                column: "duplicate_of_id");

            migrationBuilder.CreateIndex(
                name: "ix_data_subject_requests_email_token_hash",
                table: "data_subject_requests",
                column: "email_token_hash");

            migrationBuilder.CreateIndex(
                name: "ix_data_subject_requests_state_due_date",
                table: "data_subject_requests",
                columns: new[] { "state", "due_date" });

            migrationBuilder.CreateIndex(
                name: "ix_data_subject_requests_subject_id",
                table: "data_subject_requests",
                column: "subject_id");

            migrationBuilder.CreateIndex(
                name: "ix_request_actions_request_id_at",
                table: "request_actions",
                columns: new[] { "request_id", "at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "request_actions");

            migrationBuilder.DropTable(
                name: "data_subject_requests");
        }
    }
}
