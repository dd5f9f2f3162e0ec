using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CustomerRegister.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ImportMatchIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_organisations_postal_code_name",
                table: "organisations",
                columns: new[] { "postal_code", "name" });

            migrationBuilder.CreateIndex(
                name: "ix_consumers_postal_code_last_name",
                table: "consumers",
                columns: new[] { "postal_code", "last_name" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_organisations_postal_code_name",
                table: "organisations");

            migrationBuilder.DropIndex(
                name: "ix_consumers_postal_code_last_name",
                table: "consumers");
        }
    }
}
