using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CustomerRegister.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CctvRetentionBound : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddCheckConstraint(
                name: "ck_production_units_cctv_retention_months",
                table: "production_units",
                sql: "cctv_retention_months BETWEEN 1 AND 6");

            migrationBuilder.CreateIndex(
                name: "ix_cctv_recordings_period_start",
                table: "cctv_recordings",
                column: "period_start");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropCheckConstraint(
                name: "ck_production_units_cctv_retention_months",
                table: "production_units");

            migrationBuilder.DropIndex(
                name: "ix_cctv_recordings_period_start",
                table: "cctv_recordings");
        }
    }
}
