using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CustomerRegister.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class RetentionAndRecordings : Migration
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
                name: "legal_holds",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    subject_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    table_name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    row_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    set_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    set_by = table.Column<Guid>(type: "TEXT", nullable: true),
                    released_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    released_by = table.Column<Guid>(type: "TEXT", nullable: true),
                    release_reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_legal_holds", x => x.id);
                    table.ForeignKey(
                        name: "fk_legal_holds_subject_subject_id",
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
                name: "retention_batch_subjects",
                columns: table => new
                {
                    batch_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    subject_id = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_retention_batch_subjects", x => new { x.batch_id, x.subject_id });
                });

            migrationBuilder.CreateTable(
                name: "retention_leases",
                columns: table => new
                {
                    name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    holder = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    expires_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_retention_leases", x => x.name);
                });

            migrationBuilder.CreateTable(
                name: "retention_purged_subjects",
                columns: table => new
                {
                    subject_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    purged_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    rule = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_retention_purged_subjects", x => x.subject_id);
                });

            migrationBuilder.CreateTable(
                name: "retention_runs",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    started_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    as_of = table.Column<DateTime>(type: "TEXT", nullable: false),
                    instance = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    trigger = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    completed_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    deleted = table.Column<long>(type: "INTEGER", nullable: false),
                    held = table.Column<long>(type: "INTEGER", nullable: false),
                    error = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_retention_runs", x => x.id);
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

            migrationBuilder.CreateTable(
                name: "retention_run_counts",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    run_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    table_name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    categories = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    rule = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    action = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    count = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_retention_run_counts", x => x.id);
                    table.ForeignKey(
                        name: "fk_retention_run_counts_retention_runs_run_id",
                        column: x => x.run_id,
                        principalTable: "retention_runs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_web_events_occurred_at",
                table: "web_events",
                column: "occurred_at");

            migrationBuilder.CreateIndex(
                name: "ix_scrapping_certificates_issue_date",
                table: "scrapping_certificates",
                column: "issue_date");

            migrationBuilder.CreateIndex(
                name: "ix_request_actions_at",
                table: "request_actions",
                column: "at");

            migrationBuilder.CreateIndex(
                name: "ix_processing_limits_lifted_at",
                table: "processing_limits",
                column: "lifted_at");

            migrationBuilder.CreateIndex(
                name: "ix_payments_paid_at",
                table: "payments",
                column: "paid_at");

            migrationBuilder.CreateIndex(
                name: "ix_metal_credit_payouts_paid_on",
                table: "metal_credit_payouts",
                column: "paid_on");

            migrationBuilder.CreateIndex(
                name: "ix_invoices_financial_year_end",
                table: "invoices",
                column: "financial_year_end");

            migrationBuilder.CreateIndex(
                name: "ix_erasure_certificates_completed_at",
                table: "erasure_certificates",
                column: "completed_at");

            migrationBuilder.CreateIndex(
                name: "ix_data_subject_requests_closed_at",
                table: "data_subject_requests",
                column: "closed_at");

            migrationBuilder.CreateIndex(
                name: "ix_customer_relationships_end_date",
                table: "customer_relationships",
                column: "end_date");

            migrationBuilder.CreateIndex(
                name: "ix_contracts_end_date",
                table: "contracts",
                column: "end_date");

            migrationBuilder.CreateIndex(
                name: "ix_collection_cases_closed_at",
                table: "collection_cases",
                column: "closed_at");

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

            migrationBuilder.CreateIndex(
                name: "ix_legal_holds_released_at",
                table: "legal_holds",
                column: "released_at");

            migrationBuilder.CreateIndex(
                name: "ix_legal_holds_row_id",
                table: "legal_holds",
                column: "row_id");

            migrationBuilder.CreateIndex(
                name: "ix_legal_holds_subject_id",
                table: "legal_holds",
                column: "subject_id");

            migrationBuilder.CreateIndex(
                name: "ix_retention_run_counts_run_id",
                table: "retention_run_counts",
                column: "run_id");

            migrationBuilder.CreateIndex(
                name: "ix_retention_runs_started_at",
                table: "retention_runs",
                column: "started_at");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "call_recordings");

            migrationBuilder.DropTable(
                name: "cctv_recordings");

            migrationBuilder.DropTable(
                name: "legal_holds");

            migrationBuilder.DropTable(
                name: "retention_batch_subjects");

            migrationBuilder.DropTable(
                name: "retention_leases");

            migrationBuilder.DropTable(
                name: "retention_purged_subjects");

            migrationBuilder.DropTable(
                name: "retention_run_counts");

            migrationBuilder.DropTable(
                name: "production_units");

            migrationBuilder.DropTable(
                name: "retention_runs");

            migrationBuilder.DropIndex(
                name: "ix_web_events_occurred_at",
                table: "web_events");

            migrationBuilder.DropIndex(
                name: "ix_scrapping_certificates_issue_date",
                table: "scrapping_certificates");

            migrationBuilder.DropIndex(
                name: "ix_request_actions_at",
                table: "request_actions");

            migrationBuilder.DropIndex(
                name: "ix_processing_limits_lifted_at",
                table: "processing_limits");

            migrationBuilder.DropIndex(
                name: "ix_payments_paid_at",
                table: "payments");

            migrationBuilder.DropIndex(
                name: "ix_metal_credit_payouts_paid_on",
                table: "metal_credit_payouts");

            migrationBuilder.DropIndex(
                name: "ix_invoices_financial_year_end",
                table: "invoices");

            migrationBuilder.DropIndex(
                name: "ix_erasure_certificates_completed_at",
                table: "erasure_certificates");

            migrationBuilder.DropIndex(
                name: "ix_data_subject_requests_closed_at",
                table: "data_subject_requests");

            migrationBuilder.DropIndex(
                name: "ix_customer_relationships_end_date",
                table: "customer_relationships");

            migrationBuilder.DropIndex(
                name: "ix_contracts_end_date",
                table: "contracts");

            migrationBuilder.DropIndex(
                name: "ix_collection_cases_closed_at",
                table: "collection_cases");
        }
    }
}
