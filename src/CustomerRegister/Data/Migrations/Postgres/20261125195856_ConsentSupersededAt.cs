using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CustomerRegister.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ConsentSupersededAt : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "superseded_at",
                table: "marketing_consents",
                type: "timestamp with time zone",
                nullable: true);

            // Entries already in the ledger: the earliest later entry of the same channel, purpose and family with another
            // kind (MarketingConsentRules.SupersededAt), in one statement.
            migrationBuilder.Sql("""
                UPDATE marketing_consents SET superseded_at = (
                    SELECT MIN(n.occurred_at) FROM marketing_consents n
                    WHERE n.subject_id = marketing_consents.subject_id AND n.channel = marketing_consents.channel
                      AND n.purpose = marketing_consents.purpose AND n.occurred_at > marketing_consents.occurred_at
                      AND n.kind <> marketing_consents.kind
                      AND (n.kind IN ('Prohibition', 'ProhibitionLifted')) = (marketing_consents.kind IN ('Prohibition', 'ProhibitionLifted')))
                """);

            migrationBuilder.CreateIndex(
                name: "ix_marketing_consents_superseded_at",
                table: "marketing_consents",
                column: "superseded_at");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_marketing_consents_superseded_at",
                table: "marketing_consents");

            migrationBuilder.DropColumn(
                name: "superseded_at",
                table: "marketing_consents");
        }
    }
}
