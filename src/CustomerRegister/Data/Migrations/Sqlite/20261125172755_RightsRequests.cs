using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CustomerRegister.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class RightsRequests : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<byte[]>(
                name: "mail_message_hash",
                table: "data_subject_requests",
                type: "BLOB",
                maxLength: 32,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "erasure_certificates",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    request_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    subject_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    completed_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    body = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_erasure_certificates", x => x.id);
                    table.ForeignKey(
                        name: "fk_erasure_certificates_data_subject_request_request_id",
                        column: x => x.request_id,
                        principalTable: "data_subject_requests",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_erasure_certificates_subject_subject_id",
                        column: x => x.subject_id,
                        principalTable: "subjects",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "marketing_bans",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    channel = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    address_hash = table.Column<byte[]>(type: "BLOB", maxLength: 32, nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_marketing_bans", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "processing_limits",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    ground = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    request_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    set_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    set_by = table.Column<Guid>(type: "TEXT", nullable: true),
                    lifted_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    lifted_by = table.Column<Guid>(type: "TEXT", nullable: true),
                    lift_reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    subject_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    source = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_processing_limits", x => x.id);
                    table.ForeignKey(
                        name: "fk_processing_limits_subject_subject_id",
                        column: x => x.subject_id,
                        principalTable: "subjects",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "request_rectifications",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    request_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    table = table.Column<string>(type: "TEXT", maxLength: 63, nullable: false),
                    row_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    field = table.Column<string>(type: "TEXT", maxLength: 63, nullable: false),
                    before = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    after = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    category_id = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_request_rectifications", x => x.id);
                    table.ForeignKey(
                        name: "fk_request_rectifications_data_subject_requests_request_id",
                        column: x => x.request_id,
                        principalTable: "data_subject_requests",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_data_subject_requests_mail_message_hash",
                table: "data_subject_requests",
                column: "mail_message_hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_erasure_certificates_request_id",
                table: "erasure_certificates",
                column: "request_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_erasure_certificates_subject_id",
                table: "erasure_certificates",
                column: "subject_id");

            migrationBuilder.CreateIndex(
                name: "ix_marketing_bans_channel_address_hash",
                table: "marketing_bans",
                columns: new[] { "channel", "address_hash" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_processing_limits_subject_id",
                table: "processing_limits",
                column: "subject_id");

            migrationBuilder.CreateIndex(
                name: "ix_processing_limits_subject_id_kind_lifted_at",
                table: "processing_limits",
                columns: new[] { "subject_id", "kind", "lifted_at" });

            migrationBuilder.CreateIndex(
                name: "ix_request_rectifications_request_id_at",
                table: "request_rectifications",
                columns: new[] { "request_id", "at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "erasure_certificates");

            migrationBuilder.DropTable(
                name: "marketing_bans");

            migrationBuilder.DropTable(
                name: "processing_limits");

            migrationBuilder.DropTable(
                name: "request_rectifications");

            migrationBuilder.DropIndex(
                name: "ix_data_subject_requests_mail_message_hash",
                table: "data_subject_requests");

            migrationBuilder.DropColumn(
                name: "mail_message_hash",
                table: "data_subject_requests");
        }
    }
}
