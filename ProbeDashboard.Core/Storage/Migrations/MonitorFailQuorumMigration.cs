using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ProbeDashboard.Core.Storage.Migrations;

/// <summary>A monitor's fail_quorum: how many hosts must fail in one round for the round to fail.</summary>
[DbContext(typeof(ProbeDbContext))]
[Migration("20261204200000_MonitorFailQuorum")]
public sealed class MonitorFailQuorum : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql(MigrationSql.Load("0006_MonitorFailQuorum.sql"));

    protected override void Down(MigrationBuilder migrationBuilder) =>
        throw new NotSupportedException("Downgrades are not supported; restore a backup instead.");
}
