using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace ProbeDashboard.Core.Storage;

/// <summary>
/// Lets <c>dotnet ef migrations add --context PgProbeDb</c> build the model without a server: generating a migration
/// never connects.
/// </summary>
internal sealed class PgProbeDbDesignTimeFactory : IDesignTimeDbContextFactory<PgProbeDb>
{
    public PgProbeDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PgProbeDb>().UseNpgsql("Host=127.0.0.1;Database=design_time").Options);
}
