using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CustomerRegister.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ApiClientRecipient : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "recipient_id",
                table: "api_clients",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_api_clients_recipient_id",
                table: "api_clients",
                column: "recipient_id");

            migrationBuilder.AddForeignKey(
                name: "fk_api_clients_recipients_recipient_id",
                table: "api_clients",
                column: "recipient_id",
                principalTable: "recipients",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_api_clients_recipients_recipient_id",
                table: "api_clients");

            migrationBuilder.DropIndex(
                name: "ix_api_clients_recipient_id",
                table: "api_clients");

            migrationBuilder.DropColumn(
                name: "recipient_id",
                table: "api_clients");
        }
    }
}
