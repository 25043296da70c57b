using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ProbeDashboard.Core.Storage.Migrations;

/// <summary>Clients, users, tasks and alert groups of the open monitoring API (seed 004).</summary>
[DbContext(typeof(ProbeDbContext))]
[Migration("20261122110000_OpenApiClients")]
public sealed class OpenApiClients : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql(MigrationSql.Load("0003_OpenApiClients.sql"));

    protected override void Down(MigrationBuilder migrationBuilder) =>
        throw new NotSupportedException("Downgrades are not supported; restore a backup instead.");
}
