using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CustomerRegister.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class NoticeMail : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "notification_email",
                table: "recipients",
                type: "TEXT",
                maxLength: 254,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "mail_delivered_at",
                table: "recipient_notifications",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "mail_id",
                table: "recipient_notifications",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "mailed_to",
                table: "recipient_notifications",
                type: "TEXT",
                maxLength: 254,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "letter_channel",
                table: "breach_subjects",
                type: "TEXT",
                maxLength: 10,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "letter_mail_id",
                table: "breach_subjects",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "letter_queued_at",
                table: "breach_subjects",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "letter_sent_at",
                table: "breach_subjects",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_recipient_notifications_mail_id",
                table: "recipient_notifications",
                column: "mail_id");

            migrationBuilder.CreateIndex(
                name: "ix_breach_subjects_letter_mail_id",
                table: "breach_subjects",
                column: "letter_mail_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_recipient_notifications_mail_id",
                table: "recipient_notifications");

            migrationBuilder.DropIndex(
                name: "ix_breach_subjects_letter_mail_id",
                table: "breach_subjects");

            migrationBuilder.DropColumn(
                name: "notification_email",
                table: "recipients");

            migrationBuilder.DropColumn(
                name: "mail_delivered_at",
                table: "recipient_notifications");

            migrationBuilder.DropColumn(
                name: "mail_id",
                table: "recipient_notifications");

            migrationBuilder.DropColumn(
                name: "mailed_to",
                table: "recipient_notifications");

            migrationBuilder.DropColumn(
                name: "letter_channel",
                table: "breach_subjects");

            migrationBuilder.DropColumn(
                name: "letter_mail_id",
                table: "breach_subjects");

            migrationBuilder.DropColumn(
                name: "letter_queued_at",
                table: "breach_subjects");

            migrationBuilder.DropColumn(
                name: "letter_sent_at",
                table: "breach_subjects");
        }
    }
}
