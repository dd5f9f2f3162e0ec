using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CustomerRegister.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class VoucherRelationship : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "relationship_id",
                table: "metal_credit_payouts",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "relationship_id",
                table: "invoices",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_metal_credit_payouts_relationship_id",
                table: "metal_credit_payouts",
                column: "relationship_id");

            migrationBuilder.CreateIndex(
                name: "ix_invoices_relationship_id",
                table: "invoices",
                column: "relationship_id");

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

            migrationBuilder.DropIndex(
                name: "ix_metal_credit_payouts_relationship_id",
                table: "metal_credit_payouts");

            migrationBuilder.DropIndex(
                name: "ix_invoices_relationship_id",
                table: "invoices");

            migrationBuilder.DropColumn(
                name: "relationship_id",
                table: "metal_credit_payouts");

            migrationBuilder.DropColumn(
                name: "relationship_id",
                table: "invoices");
        }
    }
}
