using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ProbeDashboard.Core.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class StatusPageIncidents : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "StatusPageIncidents",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    StatusPageId = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ResolvedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StatusPageIncidents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StatusPageIncidents_StatusPages_StatusPageId",
                        column: x => x.StatusPageId,
                        principalTable: "StatusPages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "StatusPageIncidentMonitors",
                columns: table => new
                {
                    IncidentId = table.Column<int>(type: "INTEGER", nullable: false),
                    MonitorId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StatusPageIncidentMonitors", x => new { x.IncidentId, x.MonitorId });
                    table.ForeignKey(
                        name: "FK_StatusPageIncidentMonitors_Monitors_MonitorId",
                        column: x => x.MonitorId,
                        principalTable: "Monitors",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_StatusPageIncidentMonitors_StatusPageIncidents_IncidentId",
                        column: x => x.IncidentId,
                        principalTable: "StatusPageIncidents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "StatusPageIncidentUpdates",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    IncidentId = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StatusPageIncidentUpdates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StatusPageIncidentUpdates_StatusPageIncidents_IncidentId",
                        column: x => x.IncidentId,
                        principalTable: "StatusPageIncidents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_StatusPageIncidentMonitors_MonitorId",
                table: "StatusPageIncidentMonitors",
                column: "MonitorId");

            migrationBuilder.CreateIndex(
                name: "IX_StatusPageIncidents_StatusPageId_CreatedAt",
                table: "StatusPageIncidents",
                columns: new[] { "StatusPageId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_StatusPageIncidentUpdates_IncidentId",
                table: "StatusPageIncidentUpdates",
                column: "IncidentId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "StatusPageIncidentMonitors");

            migrationBuilder.DropTable(
                name: "StatusPageIncidentUpdates");

            migrationBuilder.DropTable(
                name: "StatusPageIncidents");
        }
    }
}
