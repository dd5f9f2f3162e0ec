using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CustomerRegister.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SlimSearchIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_search_entries_field_term",
                table: "search_entries");

            migrationBuilder.CreateIndex(
                name: "ix_search_entries_field_term",
                table: "search_entries",
                columns: new[] { "field", "term" })
                .Annotation("Npgsql:IndexInclude", new[] { "sort_key", "target_id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_search_entries_field_term",
                table: "search_entries");

            migrationBuilder.CreateIndex(
                name: "ix_search_entries_field_term",
                table: "search_entries",
                columns: new[] { "field", "term" })
                .Annotation("Npgsql:IndexInclude", new[] { "sort_key", "target_id", "target_kind", "subject_id" });
        }
    }
}
