using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ProbeDashboard.Core.Egress;
using ProbeDashboard.Core.Monitors;
using ProbeDashboard.Core.Probing;
using ProbeDashboard.Core.Results;

namespace ProbeDashboard.Tests.Support;

/// <summary>
/// The probes and runner registered the way agent mode registers them (<c>AddProbes</c>), over in-memory
/// configuration that a test may change and reload. Names resolve only through <see cref="Names"/>: no real lookups.
/// </summary>
public sealed class ProbeServices : IDisposable
{
    private readonly IConfigurationRoot _configuration;
    private readonly ServiceProvider _services;

    public ProbeServices(Dictionary<string, string?>? settings = null)
    {
        _configuration = new ConfigurationBuilder().AddInMemoryCollection(settings ?? []).Build();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton<IConfiguration>(_configuration);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<IEgressResolver>(Names);
        services.AddProbes();
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
    }

    /// <summary>The only resolver the probes use; unknown names fail as "name not resolved".</summary>
    public FakeResolver Names { get; } = new();

    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    /// <summary>Changes a setting and reloads the configuration, as an edited appsettings.json would.</summary>
    public void Reconfigure(string key, string? value)
    {
        _configuration[key] = value;
        _configuration.Reload();
    }

    public async Task<ProbeResult> RunAsync(MonitorDefinition monitor, int timeoutSeconds = 30)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(timeoutSeconds));
        return await Get<ProbeRunner>().RunAsync(monitor, hostId: 7, cts.Token);
    }

    public void Dispose() => _services.Dispose();

    public sealed class FakeResolver : IEgressResolver
    {
        private readonly Dictionary<string, IPAddress[]> _names = new(StringComparer.OrdinalIgnoreCase);

        public void Add(string name, params string[] addresses) => _names[name] = addresses.Select(IPAddress.Parse).ToArray();

        public Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken) =>
            _names.TryGetValue(host, out var addresses)
                ? Task.FromResult(addresses)
                : Task.FromException<IPAddress[]>(new System.Net.Sockets.SocketException((int)System.Net.Sockets.SocketError.HostNotFound));
    }
}
