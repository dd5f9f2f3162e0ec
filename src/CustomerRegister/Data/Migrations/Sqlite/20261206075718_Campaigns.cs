using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CustomerRegister.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Campaigns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "marketing_campaigns",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    channel = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    purpose = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    criteria = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    created_by = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_marketing_campaigns", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "marketing_campaign_runs",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    campaign_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    by = table.Column<Guid>(type: "TEXT", nullable: true),
                    selected = table.Column<int>(type: "INTEGER", nullable: false),
                    included = table.Column<int>(type: "INTEGER", nullable: false),
                    no_consent = table.Column<int>(type: "INTEGER", nullable: false),
                    prohibition = table.Column<int>(type: "INTEGER", nullable: false),
                    restriction = table.Column<int>(type: "INTEGER", nullable: false),
                    objection = table.Column<int>(type: "INTEGER", nullable: false),
                    industry_opt_out = table.Column<int>(type: "INTEGER", nullable: false),
                    no_address = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_marketing_campaign_runs", x => x.id);
                    table.ForeignKey(
                        name: "fk_marketing_campaign_runs_marketing_campaigns_campaign_id",
                        column: x => x.campaign_id,
                        principalTable: "marketing_campaigns",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_marketing_campaign_runs_campaign_id_at",
                table: "marketing_campaign_runs",
                columns: new[] { "campaign_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_marketing_campaigns_created_at",
                table: "marketing_campaigns",
                column: "created_at");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "marketing_campaign_runs");

            migrationBuilder.DropTable(
                name: "marketing_campaigns");
        }
    }
}
