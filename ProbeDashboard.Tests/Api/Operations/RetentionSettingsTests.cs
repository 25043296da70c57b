using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ProbeDashboard.Core.Results;
using ProbeDashboard.Core.Settings;
using ProbeDashboard.Core.Storage;
using ProbeDashboard.Tests.Support;
using Xunit.Abstractions;

namespace ProbeDashboard.Tests.Api.Operations;

/// <remarks>SQLite only: compaction (VACUUM, incremental auto-vacuum) exists on SQLite only.</remarks>
[Trait("Category", "SqliteOnly")]
public class RetentionSettingsTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Retention_saved_in_the_database_replaces_the_configured_one_and_the_cleaner_applies_it()
    {
        using var factory = new DashboardFactory();
        factory.Settings["Retention:RawDays"] = "30";
        var settings = factory.Services.GetRequiredService<SettingsService>();
        var admin = TestActors.Admin;
        Assert.Equal(new RetentionPolicy(30, 400, false), await settings.GetRetentionAsync(admin, CancellationToken.None));

        Assert.Contains("rollup_days", (await settings.SaveRetentionAsync(admin, 10, 5, CancellationToken.None)).Keys);
        Assert.Contains("raw_days", (await settings.SaveRetentionAsync(admin, 0, 5, CancellationToken.None)).Keys);
        Assert.Empty(await settings.SaveRetentionAsync(admin, 7, 90, CancellationToken.None));
        Assert.Equal(new RetentionPolicy(7, 90, true), await settings.GetRetentionAsync(admin, CancellationToken.None));

        var now = DateTime.UtcNow;
        await InsertResultsAsync(factory, 3, now.AddDays(-8));
        await InsertResultsAsync(factory, 2, now.AddDays(-6));
        var (deleted, _) = await factory.Services.GetRequiredService<RetentionCleaner>().DeleteExpiredAsync(CancellationToken.None);

        Assert.Equal(3, deleted);
        Assert.Equal(2, await factory.WithDbAsync(db => Task.FromResult(db.ProbeResults.Count())));
    }

    [Fact]
    public async Task Compact_now_returns_the_space_of_deleted_rows_first_with_one_vacuum_then_in_steps()
    {
        using var factory = new DashboardFactory();
        var compactor = factory.Services.GetRequiredService<DatabaseCompactor>();
        await InsertResultsAsync(factory, 200_000, DateTime.UtcNow.AddDays(-1));
        await factory.WithDbAsync(async db => await db.Database.ExecuteSqlRawAsync("DELETE FROM ProbeResults WHERE Id % 2 = 0"));

        var first = await compactor.CompactAsync(CancellationToken.None);
        Assert.NotNull(first);
        Assert.True(first.FullVacuum);
        Assert.True(first.After.FileBytes < first.Before.FileBytes, $"{first.Before} -> {first.After}");
        Assert.Equal(0, first.After.FreeBytes);
        output.WriteLine($"full: {first.Before.TotalBytes / 1024} KiB -> {first.After.TotalBytes / 1024} KiB in {first.Duration.TotalMilliseconds:F0} ms");

        // Retention deletes the oldest rows, which sit together: whole pages become free and are handed back in steps.
        await factory.WithDbAsync(async db => await db.Database.ExecuteSqlRawAsync("DELETE FROM ProbeResults WHERE Id < 150000"));
        var second = await compactor.CompactAsync(CancellationToken.None);
        Assert.NotNull(second);
        Assert.False(second.FullVacuum);
        Assert.True(second.After.FileBytes < second.Before.FileBytes, $"{second.Before} -> {second.After}");
        Assert.Equal(0, second.After.FreeBytes);
        output.WriteLine($"incremental: {second.Before.TotalBytes / 1024} KiB -> {second.After.TotalBytes / 1024} KiB in {second.Duration.TotalMilliseconds:F0} ms, longest step {second.LongestStep.TotalMilliseconds:F1} ms");
    }

    private static async Task InsertResultsAsync(DashboardFactory factory, int count, DateTime at)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(factory.DataDirectory, "probedashboard.db")};Pooling=False");
        await connection.OpenAsync();
        await using var insert = connection.CreateCommand();
        insert.CommandText = """
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $count)
            INSERT INTO ProbeResults (MonitorId, HostId, Timestamp, Success, LatencyMs, StatusCode, ErrorMessage)
            SELECT 1, 1, $at, 0, 12.5, 503, 'connection refused by the target after a while' FROM n;
            """;
        insert.Parameters.AddWithValue("$count", count);
        insert.Parameters.AddWithValue("$at", at);
        await insert.ExecuteNonQueryAsync();
    }
}
