using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CustomerRegister.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class RequestsMailbox : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<byte[]>(
                name: "mail_message_hash",
                table: "data_subject_requests",
                type: "bytea",
                maxLength: 32,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_data_subject_requests_mail_message_hash",
                table: "data_subject_requests",
                column: "mail_message_hash",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_data_subject_requests_mail_message_hash",
                table: "data_subject_requests");

            migrationBuilder.DropColumn(
                name: "mail_message_hash",
                table: "data_subject_requests");
        }
    }
}
