using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CustomerRegister.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class NoticeVersions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "notice_version",
                table: "marketing_consents",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "notice_version",
                table: "additional_info",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "notice_versions",
                columns: table => new
                {
                    number = table.Column<int>(type: "integer", nullable: false),
                    published_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    inputs_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    text_fi = table.Column<string>(type: "text", nullable: false),
                    text_sv = table.Column<string>(type: "text", nullable: false),
                    text_en = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_notice_versions", x => x.number);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "notice_versions");

            migrationBuilder.DropColumn(
                name: "notice_version",
                table: "marketing_consents");

            migrationBuilder.DropColumn(
                name: "notice_version",
                table: "additional_info");
        }
    }
}
