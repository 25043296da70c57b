using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ProbeDashboard.Core.Storage.Migrations.PostgreSql
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
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TitleTemplate",
                table: "NotificationGroups",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "EscalationPolicyId",
                table: "Monitors",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "EscalationPolicyId",
                table: "AlertRules",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "EscalationPolicyId",
                table: "AlertEvents",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "EscalationNotices",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AlertEventId = table.Column<long>(type: "bigint", nullable: false),
                    EscalationPolicyId = table.Column<int>(type: "integer", nullable: false),
                    Sequence = table.Column<int>(type: "integer", nullable: false),
                    StepNumber = table.Column<int>(type: "integer", nullable: false),
                    NotificationGroupIds = table.Column<List<int>>(type: "integer[]", nullable: false),
                    DueAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    SentAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CancelledAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CancelReason = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EscalationNotices", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "EscalationPolicies",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Steps = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    Repeat = table.Column<int>(type: "integer", nullable: false),
                    StopOnAcknowledge = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
