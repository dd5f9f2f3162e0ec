using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CustomerRegister.Data.Migrations.Postgres
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
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    channel = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    purpose = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    criteria = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    created_by = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_marketing_campaigns", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "marketing_campaign_runs",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    campaign_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    by = table.Column<Guid>(type: "uuid", nullable: true),
                    selected = table.Column<int>(type: "integer", nullable: false),
                    included = table.Column<int>(type: "integer", nullable: false),
                    no_consent = table.Column<int>(type: "integer", nullable: false),
                    prohibition = table.Column<int>(type: "integer", nullable: false),
                    restriction = table.Column<int>(type: "integer", nullable: false),
                    objection = table.Column<int>(type: "integer", nullable: false),
                    industry_opt_out = table.Column<int>(type: "integer", nullable: false),
                    no_address = table.Column<int>(type: "integer", nullable: false)
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
