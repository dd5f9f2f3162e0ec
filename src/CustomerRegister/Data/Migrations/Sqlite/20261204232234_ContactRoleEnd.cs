using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CustomerRegister.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ContactRoleEnd : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "role_ended_on",
                table: "contact_persons",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_contact_persons_role_ended_on",
                table: "contact_persons",
                column: "role_ended_on");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_contact_persons_role_ended_on",
                table: "contact_persons");

            migrationBuilder.DropColumn(
                name: "role_ended_on",
                table: "contact_persons");
        }
    }
}
