using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CustomerRegister.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CollectionHandover : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<decimal>(
                name: "agency_paid",
                table: "collection_cases",
                type: "TEXT",
                precision: 14,
                scale: 2,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "agency_status",
                table: "collection_cases",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "agency_status_on",
                table: "collection_cases",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "handed_over_at",
                table: "collection_cases",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "agency_paid",
                table: "collection_cases");

            migrationBuilder.DropColumn(
                name: "agency_status",
                table: "collection_cases");

            migrationBuilder.DropColumn(
                name: "agency_status_on",
                table: "collection_cases");

            migrationBuilder.DropColumn(
                name: "handed_over_at",
                table: "collection_cases");
        }
    }
}
