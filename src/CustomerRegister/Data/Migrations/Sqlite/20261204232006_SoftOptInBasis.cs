using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CustomerRegister.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SoftOptInBasis : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "invoice_id",
                table: "marketing_consents",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "opt_out_offered",
                table: "marketing_consents",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "relationship_id",
                table: "marketing_consents",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "service_line",
                table: "marketing_consents",
                type: "TEXT",
                maxLength: 40,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "invoice_id",
                table: "marketing_consents");

            migrationBuilder.DropColumn(
                name: "opt_out_offered",
                table: "marketing_consents");

            migrationBuilder.DropColumn(
                name: "relationship_id",
                table: "marketing_consents");

            migrationBuilder.DropColumn(
                name: "service_line",
                table: "marketing_consents");
        }
    }
}
