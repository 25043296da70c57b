using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ProbeDashboard.Core.Storage.Migrations;

/// <summary>
/// The first schema, as SQL generated from the model (the EF design-time tools are not available here).
/// Later migrations change it step by step; MigrationSchemaTests proves the result matches the model.
/// </summary>
[DbContext(typeof(ProbeDbContext))]
[Migration("20261122000000_InitialCreate")]
public sealed class InitialCreate : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql(MigrationSql.Load("0001_InitialCreate.sql"));

    protected override void Down(MigrationBuilder migrationBuilder) =>
        throw new NotSupportedException("Downgrades are not supported; restore a backup instead.");
}
