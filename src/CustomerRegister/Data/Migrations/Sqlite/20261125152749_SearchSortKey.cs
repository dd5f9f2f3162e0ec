using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CustomerRegister.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SearchSortKey : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_search_entries_term",
                table: "search_entries");

            migrationBuilder.AddColumn<string>(
                name: "sort_key",
                table: "search_entries",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_search_entries_field_term",
                table: "search_entries",
                columns: new[] { "field", "term" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_search_entries_field_term",
                table: "search_entries");

            migrationBuilder.DropColumn(
                name: "sort_key",
                table: "search_entries");

            migrationBuilder.CreateIndex(
                name: "ix_search_entries_term",
                table: "search_entries",
                column: "term");
        }
    }
}
