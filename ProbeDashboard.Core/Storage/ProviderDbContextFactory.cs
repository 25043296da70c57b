using Microsoft.EntityFrameworkCore;

namespace ProbeDashboard.Core.Storage;

/// <summary>
/// Hands out the configured provider's context as a <see cref="ProbeDbContext"/>, so services depend on
/// <c>IDbContextFactory&lt;ProbeDbContext&gt;</c> whichever database is in use.
/// </summary>
internal sealed class ProviderDbContextFactory<TProvider>(IDbContextFactory<TProvider> provider) : IDbContextFactory<ProbeDbContext>
    where TProvider : ProbeDbContext
{
    public ProbeDbContext CreateDbContext() => provider.CreateDbContext();

    public async Task<ProbeDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default) =>
        await provider.CreateDbContextAsync(cancellationToken);
}
