using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ProbeDashboard.Core.Storage.Migrations;

/// <summary>Settings administrators edit in the UI (data retention for now).</summary>
[DbContext(typeof(ProbeDbContext))]
[Migration("20261122120000_SystemSettings")]
public sealed class SystemSettings : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql(MigrationSql.Load("0004_SystemSettings.sql"));

    protected override void Down(MigrationBuilder migrationBuilder) =>
        throw new NotSupportedException("Downgrades are not supported; restore a backup instead.");
}
