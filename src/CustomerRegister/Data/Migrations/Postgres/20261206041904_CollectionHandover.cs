using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CustomerRegister.Data.Migrations.Postgres
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
                type: "numeric(14,2)",
                precision: 14,
                scale: 2,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "agency_status",
                table: "collection_cases",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "agency_status_on",
                table: "collection_cases",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "handed_over_at",
                table: "collection_cases",
                type: "timestamp with time zone",
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
