using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace ProbeDashboard.Core.Storage;

/// <summary>
/// Lets <c>dotnet ef migrations add --context SqliteProbeDb</c> build the model without starting the web host.
/// Generating a migration never opens the file; <c>dotnet ef database update</c> would create it in the current
/// directory, which is what a developer trying a migration by hand wants.
/// </summary>
internal sealed class SqliteProbeDbDesignTimeFactory : IDesignTimeDbContextFactory<SqliteProbeDb>
{
    public SqliteProbeDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteProbeDb>().UseSqlite("Data Source=design-time.db").Options);
}
