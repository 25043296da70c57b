using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ProbeDashboard.Core.Storage.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class MaintenanceWindows : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "MaintenanceWindows",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Enabled = table.Column<bool>(type: "boolean", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    StartsAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    EndsAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Cron = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    WeekDays = table.Column<int>(type: "integer", nullable: false),
                    StartMinuteOfDay = table.Column<int>(type: "integer", nullable: false),
                    DurationMinutes = table.Column<int>(type: "integer", nullable: false),
                    TimeZone = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    ActiveFrom = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ActiveUntil = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MaintenanceWindows", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "MaintenanceWindowHostGroups",
                columns: table => new
                {
                    MaintenanceWindowId = table.Column<int>(type: "integer", nullable: false),
                    HostGroupId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MaintenanceWindowHostGroups", x => new { x.MaintenanceWindowId, x.HostGroupId });
                    table.ForeignKey(
                        name: "FK_MaintenanceWindowHostGroups_HostGroups_HostGroupId",
                        column: x => x.HostGroupId,
                        principalTable: "HostGroups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_MaintenanceWindowHostGroups_MaintenanceWindows_MaintenanceW~",
                        column: x => x.MaintenanceWindowId,
                        principalTable: "MaintenanceWindows",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MaintenanceWindowMonitors",
                columns: table => new
                {
                    MaintenanceWindowId = table.Column<int>(type: "integer", nullable: false),
                    MonitorId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MaintenanceWindowMonitors", x => new { x.MaintenanceWindowId, x.MonitorId });
                    table.ForeignKey(
                        name: "FK_MaintenanceWindowMonitors_MaintenanceWindows_MaintenanceWin~",
                        column: x => x.MaintenanceWindowId,
                        principalTable: "MaintenanceWindows",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_MaintenanceWindowMonitors_Monitors_MonitorId",
                        column: x => x.MonitorId,
                        principalTable: "Monitors",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_MaintenanceWindowHostGroups_HostGroupId",
                table: "MaintenanceWindowHostGroups",
                column: "HostGroupId");

            migrationBuilder.CreateIndex(
                name: "IX_MaintenanceWindowMonitors_MonitorId",
                table: "MaintenanceWindowMonitors",
                column: "MonitorId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MaintenanceWindowHostGroups");

            migrationBuilder.DropTable(
                name: "MaintenanceWindowMonitors");

            migrationBuilder.DropTable(
                name: "MaintenanceWindows");
        }
    }
}
