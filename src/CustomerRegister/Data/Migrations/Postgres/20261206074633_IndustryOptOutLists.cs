using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CustomerRegister.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class IndustryOptOutLists : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "industry_opt_out_lists",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    state = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    loaded_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    loaded_by_id = table.Column<Guid>(type: "uuid", nullable: true),
                    file_name = table.Column<string>(type: "character varying(260)", maxLength: 260, nullable: false),
                    supplier = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    rows = table.Column<int>(type: "integer", nullable: false),
                    entries = table.Column<int>(type: "integer", nullable: false),
                    refused_rows = table.Column<int>(type: "integer", nullable: false),
                    refusals = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    refused_because = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    refused_at_row = table.Column<int>(type: "integer", nullable: true),
                    finished_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    replaced_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_industry_opt_out_lists", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "industry_opt_out_entries",
                columns: table => new
                {
                    list_id = table.Column<Guid>(type: "uuid", nullable: false),
                    hash = table.Column<byte[]>(type: "bytea", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_industry_opt_out_entries", x => new { x.hash, x.list_id });
                    table.ForeignKey(
                        name: "fk_industry_opt_out_entries_industry_opt_out_list_list_id",
                        column: x => x.list_id,
                        principalTable: "industry_opt_out_lists",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_industry_opt_out_entries_list_id",
                table: "industry_opt_out_entries",
                column: "list_id");

            migrationBuilder.CreateIndex(
                name: "ix_industry_opt_out_lists_kind_state",
                table: "industry_opt_out_lists",
                columns: new[] { "kind", "state" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "industry_opt_out_entries");

            migrationBuilder.DropTable(
                name: "industry_opt_out_lists");
        }
    }
}
