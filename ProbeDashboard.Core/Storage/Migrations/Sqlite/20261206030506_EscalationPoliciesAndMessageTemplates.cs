using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ProbeDashboard.Core.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class EscalationPoliciesAndMessageTemplates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "BodyTemplate",
                table: "NotificationGroups",
                type: "TEXT",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TitleTemplate",
                table: "NotificationGroups",
                type: "TEXT",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "EscalationPolicyId",
                table: "Monitors",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "EscalationPolicyId",
                table: "AlertRules",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "EscalationPolicyId",
                table: "AlertEvents",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "EscalationNotices",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AlertEventId = table.Column<long>(type: "INTEGER", nullable: false),
                    EscalationPolicyId = table.Column<int>(type: "INTEGER", nullable: false),
                    Sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    StepNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    NotificationGroupIds = table.Column<string>(type: "TEXT", nullable: false),
                    DueAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    SentAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CancelledAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CancelReason = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EscalationNotices", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "EscalationPolicies",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Steps = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    Repeat = table.Column<int>(type: "INTEGER", nullable: false),
                    StopOnAcknowledge = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EscalationPolicies", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_EscalationNotices_AlertEventId_Sequence",
                table: "EscalationNotices",
                columns: new[] { "AlertEventId", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EscalationNotices_Status_DueAt",
                table: "EscalationNotices",
                columns: new[] { "Status", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_EscalationPolicies_Name",
                table: "EscalationPolicies",
                column: "Name",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "EscalationNotices");

            migrationBuilder.DropTable(
                name: "EscalationPolicies");

            migrationBuilder.DropColumn(
                name: "BodyTemplate",
                table: "NotificationGroups");

            migrationBuilder.DropColumn(
                name: "TitleTemplate",
                table: "NotificationGroups");

            migrationBuilder.DropColumn(
                name: "EscalationPolicyId",
                table: "Monitors");

            migrationBuilder.DropColumn(
                name: "EscalationPolicyId",
                table: "AlertRules");

            migrationBuilder.DropColumn(
                name: "EscalationPolicyId",
                table: "AlertEvents");
        }
    }
}
