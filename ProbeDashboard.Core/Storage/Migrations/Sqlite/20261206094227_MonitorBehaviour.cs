using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ProbeDashboard.Core.Storage.Migrations.Sqlite
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
                type: "TEXT",
                nullable: false,
                defaultValueSql: "'[]'");

            migrationBuilder.AddColumn<int>(
                name: "RetryIntervalSeconds",
                table: "Monitors",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "UpsideDown",
                table: "Monitors",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "SuppressedByMonitorId",
                table: "AlertEvents",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SuppressedByName",
                table: "AlertEvents",
                type: "TEXT",
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
