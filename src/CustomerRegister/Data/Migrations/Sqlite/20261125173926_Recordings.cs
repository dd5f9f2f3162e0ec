using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CustomerRegister.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Recordings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "call_recordings",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    subject_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    caller_number = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    agent = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    agent_user_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    started_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    duration_seconds = table.Column<int>(type: "INTEGER", nullable: false),
                    storage_key = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    size_bytes = table.Column<long>(type: "INTEGER", nullable: false),
                    content_type = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    uploaded_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    source = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_call_recordings", x => x.id);
                    table.ForeignKey(
                        name: "fk_call_recordings_subject_subject_id",
                        column: x => x.subject_id,
                        principalTable: "subjects",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "production_units",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    address = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    cctv_retention_months = table.Column<int>(type: "INTEGER", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_production_units", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "cctv_recordings",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    unit_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    camera = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    period_start = table.Column<DateTime>(type: "TEXT", nullable: false),
                    period_end = table.Column<DateTime>(type: "TEXT", nullable: false),
                    storage_key = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    size_bytes = table.Column<long>(type: "INTEGER", nullable: false),
                    content_type = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    uploaded_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cctv_recordings", x => x.id);
                    table.ForeignKey(
                        name: "fk_cctv_recordings_production_unit_unit_id",
                        column: x => x.unit_id,
                        principalTable: "production_units",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_call_recordings_caller_number",
                table: "call_recordings",
                column: "caller_number");

            migrationBuilder.CreateIndex(
                name: "ix_call_recordings_started_at",
                table: "call_recordings",
                column: "started_at");

            migrationBuilder.CreateIndex(
                name: "ix_call_recordings_storage_key",
                table: "call_recordings",
                column: "storage_key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_call_recordings_subject_id",
                table: "call_recordings",
                column: "subject_id");

            migrationBuilder.CreateIndex(
                name: "ix_cctv_recordings_period_end",
                table: "cctv_recordings",
                column: "period_end");

            migrationBuilder.CreateIndex(
                name: "ix_cctv_recordings_storage_key",
                table: "cctv_recordings",
                column: "storage_key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_cctv_recordings_unit_id_period_start",
                table: "cctv_recordings",
                columns: new[] { "unit_id", "period_start" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "call_recordings");

            migrationBuilder.DropTable(
                name: "cctv_recordings");

            migrationBuilder.DropTable(
                name: "production_units");
        }
    }
}
