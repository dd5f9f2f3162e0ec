using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CustomerRegister.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Rectification : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "request_rectifications",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    request_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    table = table.Column<string>(type: "TEXT", maxLength: 63, nullable: false),
                    row_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    field = table.Column<string>(type: "TEXT", maxLength: 63, nullable: false),
                    before = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    after = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    category_id = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_request_rectifications", x => x.id);
                    table.ForeignKey(
                        name: "fk_request_rectifications_data_subject_requests_request_id",
                        column: x => x.request_id,
                        principalTable: "data_subject_requests",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_request_rectifications_request_id_at",
                table: "request_rectifications",
                columns: new[] { "request_id", "at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "request_rectifications");
        }
    }
}
