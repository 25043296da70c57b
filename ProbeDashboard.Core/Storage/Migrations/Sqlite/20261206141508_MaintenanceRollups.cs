using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ProbeDashboard.Core.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class MaintenanceRollups : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "MaintenanceSuccesses",
                table: "AvailabilityBuckets",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "MaintenanceTotal",
                table: "AvailabilityBuckets",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "MaintenanceSuccesses",
                table: "AvailabilityBuckets");

            migrationBuilder.DropColumn(
                name: "MaintenanceTotal",
                table: "AvailabilityBuckets");
        }
    }
}
