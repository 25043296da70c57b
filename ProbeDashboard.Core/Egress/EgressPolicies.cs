using Microsoft.Extensions.Options;

namespace ProbeDashboard.Core.Egress;

/// <summary>
/// The active policies, rebuilt whenever the "Egress" configuration changes, so a reload applies to the next
/// connection without a restart. Read at connect time, never cached by callers.
/// </summary>
public sealed class EgressPolicies : IDisposable
{
    private readonly IDisposable? _subscription;
    private (EgressPolicy Probes, EgressPolicy Webhooks) _current;

    public EgressPolicies(IOptionsMonitor<EgressOptions> options)
    {
        _current = Build(options.CurrentValue);
        _subscription = options.OnChange(changed =>
        {
            var previous = _current;
            _current = Build(changed);
            // Any reload of the configuration lands here; only a different policy is worth dropping pooled connections.
            if (!previous.Probes.SameRulesAs(_current.Probes) || !previous.Webhooks.SameRulesAs(_current.Webhooks))
                Changed?.Invoke();
        });
    }

    /// <summary>Raised after a reload, so holders of pooled connections can drop those the new policy may refuse.</summary>
    public event Action? Changed;

    public EgressPolicy Probes => _current.Probes;

    public EgressPolicy Webhooks => _current.Webhooks;

    public EgressPolicy For(EgressScope scope) => scope == EgressScope.Probes ? Probes : Webhooks;

    private static (EgressPolicy, EgressPolicy) Build(EgressOptions options) => (new(options.Probes), new(options.Webhooks));

    public void Dispose() => _subscription?.Dispose();
}
