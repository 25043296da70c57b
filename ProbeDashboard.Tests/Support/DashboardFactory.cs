using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Core.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ProbeDashboard.Tests.Support;

/// <summary>
/// The real app on TestServer with its own SQLite file in a temp directory. Settings can be overridden per
/// fixture; the admin password is fixed so tests can sign in. Helpers create users of any role and hand out
/// clients that carry a bearer token obtained from the real token endpoint.
/// </summary>
public class DashboardFactory : WebApplicationFactory<Program>
{
    public const string AdminUser = "admin";
    public const string AdminPassword = "admin-password-for-tests";
    /// <summary>Password of every user made by <see cref="CreateUserAsync"/>.</summary>
    public const string UserPassword = "user-password-for-tests";
    private readonly TempDirectory? _ownedData;
    private readonly EfWarningRecorder _efWarnings = new();
    private int _userCount;

    /// <summary>A fresh data directory, deleted with the factory.</summary>
    public DashboardFactory()
    {
        _ownedData = new TempDirectory();
        DataDirectory = _ownedData.Path;
    }

    /// <summary>
    /// Runs on an existing data directory, which the factory leaves in place: a second factory on the first
    /// one's directory is the same server restarted. Not public: xunit fixtures need a single public constructor.
    /// </summary>
    protected DashboardFactory(string dataDirectory) => DataDirectory = dataDirectory;

    /// <inheritdoc cref="DashboardFactory(string)"/>
    public static DashboardFactory OnExistingData(string dataDirectory) => new(dataDirectory);

    public string DataDirectory { get; }

    /// <summary>Extra configuration a fixture sets before the host starts.</summary>
    public Dictionary<string, string?> Settings { get; } = new();

    /// <summary>Replaces the app's clock when set before the host starts (e.g. a <see cref="ManualTimeProvider"/>).</summary>
    public TimeProvider? Time { get; set; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        var settings = EffectiveSettings();
        // UseSetting makes the values visible to Program.cs while it still registers services; app configuration
        // added by the factory only arrives once the host is built, too late for anything read at registration.
        foreach (var (key, value) in settings) builder.UseSetting(key, value);
        builder.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(settings));
        builder.ConfigureLogging(logging => logging.AddProvider(_efWarnings));
        if (Time is not null)
            builder.ConfigureTestServices(services => services.AddSingleton(Time));
    }

    private Dictionary<string, string?> EffectiveSettings()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Storage:DataDirectory"] = DataDirectory,
            ["Auth:AdminPassword"] = AdminPassword,
            // API tests drive Core directly; a running scheduler would probe whatever targets they store.
            // A fixture that wants real probing sets it back to "true" in Settings.
            ["Probing:SchedulerEnabled"] = "false",
            // CI keeps only the tail of the log: info lines from hundreds of app instances would bury a failure.
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.AspNetCore.DataProtection"] = "Error",
        };
        // Every test client shares one (missing) client address; a fixture that tests the limits sets them back.
        foreach (var policy in new[] { "SignIn", "Token", "Compat", "Agent", "Push" })
            settings[$"RateLimits:{policy}:PermitLimit"] = "1000000";
        foreach (var (key, value) in Settings) settings[key] = value;
        // After the fixture's own settings: a fixture that moves the data directory moves the database with it.
        if (!settings.ContainsKey("Storage:ConnectionString")) TestDatabase.AddSettings(settings, settings["Storage:DataDirectory"]!);
        return settings;
    }

    /// <summary>Creates a user through Identity; the name is unique per call unless given.</summary>
    public async Task<AppUser> CreateUserAsync(UserRole role, string? userName = null, string password = UserPassword)
    {
        using var scope = Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser
        {
            UserName = userName ?? $"{role.ToString().ToLowerInvariant()}-{Interlocked.Increment(ref _userCount)}",
            Role = role,
            CreatedAt = DateTime.UtcNow,
        };
        var result = await users.CreateAsync(user, password);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
        return user;
    }

    /// <summary>A fresh user of <paramref name="role"/> and a client that sends its bearer token.</summary>
    public async Task<HttpClient> CreateClientAsync(UserRole role)
    {
        var user = await CreateUserAsync(role);
        return CreateBearerClient(await RequestTokenAsync(user.UserName!, UserPassword));
    }

    public async Task<HttpClient> CreateAdminClientAsync() =>
        CreateBearerClient(await RequestTokenAsync(AdminUser, AdminPassword));

    public HttpClient CreateBearerClient(string token)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>
    /// A DI scope that looks like a circuit signed in as a fresh user of <paramref name="role"/>: UI command services
    /// resolved from it see that user, as they would in a browser.
    /// </summary>
    public async Task<IServiceScope> CircuitScopeAsync(string userName, UserRole role)
    {
        await CreateUserAsync(role, userName);
        var scope = Services.CreateScope();
        var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<AppUser>>();
        var user = await signIn.UserManager.FindByNameAsync(userName);
        var principal = await signIn.CreateUserPrincipalAsync(user!);
        var state = (IHostEnvironmentAuthenticationStateProvider)scope.ServiceProvider.GetRequiredService<AuthenticationStateProvider>();
        state.SetAuthenticationState(Task.FromResult(new AuthenticationState(principal)));
        return scope;
    }

    /// <summary>Signs in through <c>POST /api/v1/auth/token</c> and returns the access token.</summary>
    public async Task<string> RequestTokenAsync(string userName, string password)
    {
        using var client = CreateClient();
        using var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { username = userName, password });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"token request for {userName} failed: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("data").GetProperty("access_token").GetString()!;
    }

    /// <summary>Runs <paramref name="work"/> on a fresh context of the app's database (to seed or inspect data).</summary>
    public async Task<T> WithDbAsync<T>(Func<ProbeDbContext, Task<T>> work)
    {
        var dbFactory = Services.GetRequiredService<IDbContextFactory<ProbeDbContext>>();
        await using var db = await dbFactory.CreateDbContextAsync();
        return await work(db);
    }

    public Task WithDbAsync(Func<ProbeDbContext, Task> work) => WithDbAsync(async db =>
    {
        await work(db);
        return true;
    });

    /// <summary>
    /// One host build at a time across the test run: WebApplicationFactory finds the app's host by listening to
    /// process-wide hosting events, so two factories building in parallel can each catch the other's host
    /// (and its settings, e.g. a scheduler that should have been off).
    /// </summary>
    private static readonly Lock HostBuildLock = new();

    protected override IHost CreateHost(IHostBuilder builder)
    {
        lock (HostBuildLock) return base.CreateHost(builder);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (!disposing) return;
        if (_ownedData is not null) TestDatabase.Drop(DataDirectory);
        _ownedData?.Dispose();
        _efWarnings.AssertNone();
    }
}
