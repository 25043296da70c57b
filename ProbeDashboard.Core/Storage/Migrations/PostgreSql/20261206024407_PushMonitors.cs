using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ProbeDashboard.Core.Storage.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class PushMonitors : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "ErrorMessage",
                table: "ProbeResults",
                type: "character varying(10240)",
                maxLength: 10240,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(500)",
                oldMaxLength: 500,
                oldNullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Push",
                table: "Monitors",
                type: "text",
                nullable: false,
                defaultValueSql: "'{}'");

            migrationBuilder.AddColumn<DateTime>(
                name: "PushDeadline",
                table: "Monitors",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "PushLastPingAt",
                table: "Monitors",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "PushRunStartedAt",
                table: "Monitors",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PushToken",
                table: "Monitors",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Monitors_PushDeadline",
                table: "Monitors",
                column: "PushDeadline");

            migrationBuilder.CreateIndex(
                name: "IX_Monitors_PushToken",
                table: "Monitors",
                column: "PushToken",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Monitors_PushDeadline",
                table: "Monitors");

            migrationBuilder.DropIndex(
                name: "IX_Monitors_PushToken",
                table: "Monitors");

            migrationBuilder.DropColumn(
                name: "Push",
                table: "Monitors");

            migrationBuilder.DropColumn(
                name: "PushDeadline",
                table: "Monitors");

            migrationBuilder.DropColumn(
                name: "PushLastPingAt",
                table: "Monitors");

            migrationBuilder.DropColumn(
                name: "PushRunStartedAt",
                table: "Monitors");

            migrationBuilder.DropColumn(
                name: "PushToken",
                table: "Monitors");

            migrationBuilder.AlterColumn<string>(
                name: "ErrorMessage",
                table: "ProbeResults",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(10240)",
                oldMaxLength: 10240,
                oldNullable: true);
        }
    }
}
