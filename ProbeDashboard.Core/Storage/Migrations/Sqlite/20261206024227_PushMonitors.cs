using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ProbeDashboard.Core.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PushMonitors : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Push",
                table: "Monitors",
                type: "TEXT",
                nullable: false,
                defaultValueSql: "'{}'");

            migrationBuilder.AddColumn<DateTime>(
                name: "PushDeadline",
                table: "Monitors",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "PushLastPingAt",
                table: "Monitors",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "PushRunStartedAt",
                table: "Monitors",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PushToken",
                table: "Monitors",
                type: "TEXT",
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
        }
    }
}
