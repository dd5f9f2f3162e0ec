using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CustomerRegister.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CertificateIdentityCodeExpiry : Migration
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

            // The mask shows the birth date and century sign only: the check character narrowed the code to a few dozen candidates.
            migrationBuilder.Sql(
                "UPDATE scrapping_certificates SET identity_code_masked = substr(identity_code_masked, 1, 7) || '****' "
                + "WHERE identity_code_masked IS NOT NULL;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "deregistered_on",
                table: "scrapping_certificates");

            migrationBuilder.DropColumn(
                name: "owner_nationality",
                table: "scrapping_certificates");

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
