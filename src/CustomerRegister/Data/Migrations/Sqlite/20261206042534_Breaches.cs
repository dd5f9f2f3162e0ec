using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CustomerRegister.Data.Migrations.Sqlite
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
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    discovered_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    occurred_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    category_ids = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    approx_people = table.Column<int>(type: "INTEGER", nullable: false),
                    approx_records = table.Column<int>(type: "INTEGER", nullable: false),
                    consequences = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    measures = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    recorded_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    recorded_by = table.Column<Guid>(type: "TEXT", nullable: true),
                    authority = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    authority_notified_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    authority_reference = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    authority_reason = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    authority_recorded_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    people = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    people_reason = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    people_decided_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_breaches", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "breach_subjects",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    breach_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    subject_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    source = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    added_at = table.Column<DateTime>(type: "TEXT", nullable: false)
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
