using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CustomerRegister.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Breaches : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "breaches",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    discovered_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    occurred_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    category_ids = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    approx_people = table.Column<int>(type: "integer", nullable: false),
                    approx_records = table.Column<int>(type: "integer", nullable: false),
                    consequences = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    measures = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    recorded_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    recorded_by = table.Column<Guid>(type: "uuid", nullable: true),
                    authority = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    authority_notified_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    authority_reference = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    authority_reason = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    authority_recorded_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    people = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    people_reason = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    people_decided_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_breaches", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "breach_subjects",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    breach_id = table.Column<Guid>(type: "uuid", nullable: false),
                    subject_id = table.Column<Guid>(type: "uuid", nullable: false),
                    source = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    added_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_breach_subjects", x => x.id);
                    table.ForeignKey(
                        name: "fk_breach_subjects_breaches_breach_id",
                        column: x => x.breach_id,
                        principalTable: "breaches",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_breach_subjects_breach_id_subject_id",
                table: "breach_subjects",
                columns: new[] { "breach_id", "subject_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_breaches_authority",
                table: "breaches",
                column: "authority");

            migrationBuilder.CreateIndex(
                name: "ix_breaches_recorded_at",
                table: "breaches",
                column: "recorded_at");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "breach_subjects");

            migrationBuilder.DropTable(
                name: "breaches");
        }
    }
}
