using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ProbeDashboard.Core.Storage.Migrations;

/// <summary>The audit log table (who did what, when).</summary>
[DbContext(typeof(ProbeDbContext))]
[Migration("20261122130000_AuditLog")]
public sealed class AuditLog : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql(MigrationSql.Load("0005_AuditLog.sql"));

    protected override void Down(MigrationBuilder migrationBuilder) =>
        throw new NotSupportedException("Downgrades are not supported; restore a backup instead.");
}
