using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ProbeDashboard.Core.Storage.Migrations;

/// <summary>iplive apps, groups, records and nodes (seed 002) and the probe-flow registry (seed 000).</summary>
[DbContext(typeof(ProbeDbContext))]
[Migration("20261122100000_IpLiveAndProbeFlows")]
public sealed class IpLiveAndProbeFlows : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql(MigrationSql.Load("0002_IpLiveAndProbeFlows.sql"));

    protected override void Down(MigrationBuilder migrationBuilder) =>
        throw new NotSupportedException("Downgrades are not supported; restore a backup instead.");
}
