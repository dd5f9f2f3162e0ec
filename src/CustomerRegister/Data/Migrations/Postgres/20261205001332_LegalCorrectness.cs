using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CustomerRegister.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class LegalCorrectness : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "identity_code_masked",
                table: "scrapping_certificates",
                type: "character varying(11)",
                maxLength: 11,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(11)",
                oldMaxLength: 11);

            migrationBuilder.AlterColumn<byte[]>(
                name: "identity_code_lookup",
                table: "scrapping_certificates",
                type: "bytea",
                maxLength: 32,
                nullable: true,
                oldClrType: typeof(byte[]),
                oldType: "bytea",
                oldMaxLength: 32);

            migrationBuilder.AlterColumn<byte[]>(
                name: "identity_code_cipher",
                table: "scrapping_certificates",
                type: "bytea",
                maxLength: 512,
                nullable: true,
                oldClrType: typeof(byte[]),
                oldType: "bytea",
                oldMaxLength: 512);

            migrationBuilder.AddColumn<DateOnly>(
                name: "deregistered_on",
                table: "scrapping_certificates",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "owner_nationality",
                table: "scrapping_certificates",
                type: "character varying(2)",
                maxLength: 2,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "relationship_id",
                table: "metal_credit_payouts",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "invoice_id",
                table: "marketing_consents",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "opt_out_offered",
                table: "marketing_consents",
                type: "boolean",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "relationship_id",
                table: "marketing_consents",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "service_line",
                table: "marketing_consents",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "relationship_id",
                table: "invoices",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "role_ended_on",
                table: "contact_persons",
                type: "date",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "unlinked_web_event_days",
                columns: table => new
                {
                    day = table.Column<DateOnly>(type: "date", nullable: false),
                    events = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_unlinked_web_event_days", x => x.day);
                });

            migrationBuilder.AddCheckConstraint(
                name: "ck_production_units_cctv_retention_months",
                table: "production_units",
                sql: "cctv_retention_months BETWEEN 1 AND 6");

            migrationBuilder.CreateIndex(
                name: "ix_metal_credit_payouts_relationship_id",
                table: "metal_credit_payouts",
                column: "relationship_id");

            migrationBuilder.CreateIndex(
                name: "ix_invoices_issue_date_subject_id",
                table: "invoices",
                columns: new[] { "issue_date", "subject_id" });

            migrationBuilder.CreateIndex(
                name: "ix_invoices_relationship_id",
                table: "invoices",
                column: "relationship_id");

            migrationBuilder.CreateIndex(
                name: "ix_contact_persons_role_ended_on",
                table: "contact_persons",
                column: "role_ended_on");

            migrationBuilder.CreateIndex(
                name: "ix_cctv_recordings_period_start",
                table: "cctv_recordings",
                column: "period_start");

            migrationBuilder.AddForeignKey(
                name: "fk_invoices_customer_relationship_relationship_id",
                table: "invoices",
                column: "relationship_id",
                principalTable: "customer_relationships",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_metal_credit_payouts_customer_relationship_relationship_id",
                table: "metal_credit_payouts",
                column: "relationship_id",
                principalTable: "customer_relationships",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            // The mask shows the birth date and century sign only: the check character narrowed the code to a few dozen candidates.
            migrationBuilder.Sql(
                "UPDATE scrapping_certificates SET identity_code_masked = substr(identity_code_masked, 1, 7) || '****' "
                + "WHERE identity_code_masked IS NOT NULL;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_invoices_customer_relationship_relationship_id",
                table: "invoices");

            migrationBuilder.DropForeignKey(
                name: "fk_metal_credit_payouts_customer_relationship_relationship_id",
                table: "metal_credit_payouts");

            migrationBuilder.DropTable(
                name: "unlinked_web_event_days");

            migrationBuilder.DropCheckConstraint(
                name: "ck_production_units_cctv_retention_months",
                table: "production_units");

            migrationBuilder.DropIndex(
                name: "ix_metal_credit_payouts_relationship_id",
                table: "metal_credit_payouts");

            migrationBuilder.DropIndex(
                name: "ix_invoices_issue_date_subject_id",
                table: "invoices");

            migrationBuilder.DropIndex(
                name: "ix_invoices_relationship_id",
                table: "invoices");

            migrationBuilder.DropIndex(
                name: "ix_contact_persons_role_ended_on",
                table: "contact_persons");

            migrationBuilder.DropIndex(
                name: "ix_cctv_recordings_period_start",
                table: "cctv_recordings");

            migrationBuilder.DropColumn(
                name: "deregistered_on",
                table: "scrapping_certificates");

            migrationBuilder.DropColumn(
                name: "owner_nationality",
                table: "scrapping_certificates");

            migrationBuilder.DropColumn(
                name: "relationship_id",
                table: "metal_credit_payouts");

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

            migrationBuilder.DropColumn(
                name: "relationship_id",
                table: "invoices");

            migrationBuilder.DropColumn(
                name: "role_ended_on",
                table: "contact_persons");

            migrationBuilder.AlterColumn<string>(
                name: "identity_code_masked",
                table: "scrapping_certificates",
                type: "character varying(11)",
                maxLength: 11,
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "character varying(11)",
                oldMaxLength: 11,
                oldNullable: true);

            migrationBuilder.AlterColumn<byte[]>(
                name: "identity_code_lookup",
                table: "scrapping_certificates",
                type: "bytea",
                maxLength: 32,
                nullable: false,
                defaultValue: new byte[0],
                oldClrType: typeof(byte[]),
                oldType: "bytea",
                oldMaxLength: 32,
                oldNullable: true);

            migrationBuilder.AlterColumn<byte[]>(
                name: "identity_code_cipher",
                table: "scrapping_certificates",
                type: "bytea",
                maxLength: 512,
                nullable: false,
                defaultValue: new byte[0],
                oldClrType: typeof(byte[]),
                oldType: "bytea",
                oldMaxLength: 512,
                oldNullable: true);
        }
    }
}
