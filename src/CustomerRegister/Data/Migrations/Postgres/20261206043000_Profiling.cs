using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CustomerRegister.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Profiling : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "profile_results",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    segment = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    interest = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    rule = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    computed_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    last_business_on = table.Column<DateOnly>(type: "date", nullable: true),
                    deliveries = table.Column<int>(type: "integer", nullable: false),
                    invoices = table.Column<int>(type: "integer", nullable: false),
                    amount = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    evidence = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    evidence_count = table.Column<int>(type: "integer", nullable: false),
                    run_id = table.Column<Guid>(type: "uuid", nullable: false),
                    subject_id = table.Column<Guid>(type: "uuid", nullable: false),
                    source = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_profile_results", x => x.id);
                    table.ForeignKey(
                        name: "fk_profile_results_subject_subject_id",
                        column: x => x.subject_id,
                        principalTable: "subjects",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "profiling_runs",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    night = table.Column<DateOnly>(type: "date", nullable: true),
                    trigger = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    started_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    finished_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    profiled = table.Column<int>(type: "integer", nullable: false),
                    results = table.Column<int>(type: "integer", nullable: false),
                    excluded = table.Column<int>(type: "integer", nullable: false),
                    cleared = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_profiling_runs", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_profile_results_run_id",
                table: "profile_results",
                column: "run_id");

            migrationBuilder.CreateIndex(
                name: "ix_profile_results_segment",
                table: "profile_results",
                column: "segment");

            migrationBuilder.CreateIndex(
                name: "ix_profile_results_subject_id",
                table: "profile_results",
                column: "subject_id");

            migrationBuilder.CreateIndex(
                name: "ix_profiling_runs_night",
                table: "profiling_runs",
                column: "night",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_profiling_runs_started_at",
                table: "profiling_runs",
                column: "started_at");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "profile_results");

            migrationBuilder.DropTable(
                name: "profiling_runs");
        }
    }
}
