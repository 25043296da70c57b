using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ProbeDashboard.Core.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class MonitorFlapControl : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "RetryIntervalSeconds",
                table: "Monitors");

            migrationBuilder.DropColumn(
                name: "UpsideDown",
                table: "Monitors");
        }
    }
}
