using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ProbeDashboard.Core.Storage.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class MonitorBehaviour : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "DependsOn",
                table: "Monitors",
                type: "text",
                nullable: false,
                defaultValueSql: "'[]'");

            migrationBuilder.AddColumn<int>(
                name: "RetryIntervalSeconds",
                table: "Monitors",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "UpsideDown",
                table: "Monitors",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "SuppressedByMonitorId",
                table: "AlertEvents",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SuppressedByName",
                table: "AlertEvents",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "DependsOn",
                table: "Monitors");

            migrationBuilder.DropColumn(
                name: "RetryIntervalSeconds",
                table: "Monitors");

            migrationBuilder.DropColumn(
                name: "UpsideDown",
                table: "Monitors");

            migrationBuilder.DropColumn(
                name: "SuppressedByMonitorId",
                table: "AlertEvents");

            migrationBuilder.DropColumn(
                name: "SuppressedByName",
                table: "AlertEvents");
        }
    }
}
