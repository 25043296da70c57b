using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ProbeDashboard.Core.Storage.Migrations.PostgreSql
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
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ContentType",
                table: "NotificationRecipients",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "HeadersJson",
                table: "NotificationRecipients",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ContentType",
                table: "NotificationOutbox",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "HeadersJson",
                table: "NotificationOutbox",
                type: "text",
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
