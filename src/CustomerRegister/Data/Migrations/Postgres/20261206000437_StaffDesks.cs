using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CustomerRegister.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class StaffDesks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_scrapping_certificates_issue_date",
                table: "scrapping_certificates");

            migrationBuilder.CreateIndex(
                name: "ix_scrapping_certificates_issue_date_created_at_id",
                table: "scrapping_certificates",
                columns: new[] { "issue_date", "created_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_marketing_events_date_id",
                table: "marketing_events",
                columns: new[] { "date", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_invoices_due_date_id",
                table: "invoices",
                columns: new[] { "due_date", "id" },
                filter: "status IN ('Open', 'InCollection')");

            migrationBuilder.CreateIndex(
                name: "ix_feedback_handled_received_at_id",
                table: "feedback",
                columns: new[] { "handled", "received_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_contact_history_occurred_at_id",
                table: "contact_history",
                columns: new[] { "occurred_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_collection_cases_status_opened_at_id",
                table: "collection_cases",
                columns: new[] { "status", "opened_at", "id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_scrapping_certificates_issue_date_created_at_id",
                table: "scrapping_certificates");

            migrationBuilder.DropIndex(
                name: "ix_marketing_events_date_id",
                table: "marketing_events");

            migrationBuilder.DropIndex(
                name: "ix_invoices_due_date_id",
                table: "invoices");

            migrationBuilder.DropIndex(
                name: "ix_feedback_handled_received_at_id",
                table: "feedback");

            migrationBuilder.DropIndex(
                name: "ix_contact_history_occurred_at_id",
                table: "contact_history");

            migrationBuilder.DropIndex(
                name: "ix_collection_cases_status_opened_at_id",
                table: "collection_cases");

            migrationBuilder.CreateIndex(
                name: "ix_scrapping_certificates_issue_date",
                table: "scrapping_certificates",
                column: "issue_date");
        }
    }
}
