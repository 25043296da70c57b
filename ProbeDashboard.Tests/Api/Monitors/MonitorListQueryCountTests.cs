using System.Data.Common;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Core.Availability;
using ProbeDashboard.Core.Storage;
using ProbeDashboard.Tests.Support;
using static ProbeDashboard.Tests.Api.Monitors.MonitorTestData;

namespace ProbeDashboard.Tests.Api.Monitors;

/// <summary>Counts the SQL queries the app runs, to show that a list page costs the same at any size.</summary>
public sealed class QueryCountingFactory : DashboardFactory
{
    public QueryCounter Queries { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
            services.ConfigureDbContext<SqliteProbeDb>(options => options.AddInterceptors(Queries)));
    }
}

/// <summary>
/// Counts the commands run in the flow of <see cref="Measure"/> only: background consumers of the events the test's
/// own setup published (alert engine, schedule sync) may still be reading when a busy machine runs the request.
/// </summary>
public sealed class QueryCounter : DbCommandInterceptor
{
    private static readonly AsyncLocal<bool> Measuring = new();
    private int _count;

    public int Count => Volatile.Read(ref _count);

    /// <summary>Starts counting from zero what runs in this async flow (the test server must preserve it into requests).</summary>
    public async Task<int> MeasureAsync(Func<Task> work)
    {
        Interlocked.Exchange(ref _count, 0);
        Measuring.Value = true;
        try
        {
            await work();
        }
        finally
        {
            Measuring.Value = false;
        }
        return Count;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        if (Measuring.Value) Interlocked.Increment(ref _count);
        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        if (Measuring.Value) Interlocked.Increment(ref _count);
        return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
    }
}

/// <remarks>SQLite only: counts the commands of the SQLite provider's context; the same query runs on PostgreSQL in MonitorListApiTests.</remarks>
[Trait("Category", "SqliteOnly")]
public class MonitorListQueryCountTests(QueryCountingFactory factory) : IClassFixture<QueryCountingFactory>
{
    [Fact]
    public async Task A_list_page_costs_three_queries_for_2_or_40_monitors_count_page_and_rollups()
    {
        // Clients made from now on carry the test's flow into their requests: the counter tells their queries from background work.
        factory.Server.PreserveExecutionContext = true;
        var hosts = await EnsureHostsAsync(factory);
        using var client = await factory.CreateClientAsync(UserRole.Viewer);
        using var admin = await factory.CreateAdminClientAsync();
        var thisHour = AvailabilityPeriod.Hour.PeriodStart(DateTime.UtcNow);
        for (var i = 0; i < 40; i++)
        {
            var id = await CreateAsync(admin, Minimal($"counted-{i:00}"));
            await factory.WithDbAsync(db =>
            {
                db.AvailabilityBuckets.Add(Bucket(id, hosts.ServerId, BucketSize.Hour, thisHour, 10, 9, 900));
                return db.SaveChangesAsync();
            });
        }
        (await client.GetAsync($"{BasePath}?page_size=1")).EnsureSuccessStatusCode();

        var small = await QueriesForAsync(client, $"{BasePath}?search=counted-&page_size=2");
        var large = await QueriesForAsync(client, $"{BasePath}?search=counted-&page_size=40");

        Assert.Equal(small, large);
        Assert.Equal(3, large);
    }

    private async Task<int> QueriesForAsync(HttpClient client, string path)
    {
        return await factory.Queries.MeasureAsync(async () =>
        {
            using var response = await client.GetAsync(path);
            response.EnsureSuccessStatusCode();
        });
    }
}
