using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CustomerRegister.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class DropRedundantSubjectIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_processing_limits_subject_id",
                table: "processing_limits");

            migrationBuilder.DropIndex(
                name: "ix_contact_history_subject_id",
                table: "contact_history");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_processing_limits_subject_id",
                table: "processing_limits",
                column: "subject_id");

            migrationBuilder.CreateIndex(
                name: "ix_contact_history_subject_id",
                table: "contact_history",
                column: "subject_id");
        }
    }
}
