using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ProbeDashboard.Core.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class WebhookTemplates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "BodyTemplate",
                table: "NotificationRecipients",
                type: "TEXT",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ContentType",
                table: "NotificationRecipients",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "HeadersJson",
                table: "NotificationRecipients",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ContentType",
                table: "NotificationOutbox",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "HeadersJson",
                table: "NotificationOutbox",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "BodyTemplate",
                table: "NotificationRecipients");

            migrationBuilder.DropColumn(
                name: "ContentType",
                table: "NotificationRecipients");

            migrationBuilder.DropColumn(
                name: "HeadersJson",
                table: "NotificationRecipients");

            migrationBuilder.DropColumn(
                name: "ContentType",
                table: "NotificationOutbox");

            migrationBuilder.DropColumn(
                name: "HeadersJson",
                table: "NotificationOutbox");
        }
    }
}
