using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ProbeDashboard.Core.Storage.Migrations;

/// <summary>Notification groups marked is_default hear the alerts of monitors that name no group.</summary>
[DbContext(typeof(ProbeDbContext))]
[Migration("20261204210000_DefaultNotificationGroups")]
public sealed class DefaultNotificationGroups : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql(MigrationSql.Load("0007_DefaultNotificationGroups.sql"));

    protected override void Down(MigrationBuilder migrationBuilder) =>
        throw new NotSupportedException("Downgrades are not supported; restore a backup instead.");
}
