using System.ComponentModel.DataAnnotations;

namespace ProbeDashboard.Security;

/// <summary>Per-client-IP request limits of the named policies in <see cref="RateLimitPolicies"/> (section <c>RateLimits</c>).</summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    /// <summary>Sign-in form posts (<c>/account/login</c>): slows password guessing beyond the per-account lockout.</summary>
    public RateLimitWindow SignIn { get; set; } = new() { PermitLimit = 10 };

    /// <summary>Token requests (<c>POST /api/v1/auth/token</c>).</summary>
    public RateLimitWindow Token { get; set; } = new() { PermitLimit = 20 };

    /// <summary>The compat APIs of seeds 000, 002 and 004.</summary>
    public RateLimitWindow Compat { get; set; } = new() { PermitLimit = 1200 };

    /// <summary>The agent protocol paths (seed 003); several agents behind one NAT share an address.</summary>
    public RateLimitWindow Agent { get; set; } = new() { PermitLimit = 2400 };

    /// <summary>Push monitor pings (<c>/api/push/...</c>): many cron jobs of one machine, or behind one NAT, share an address.</summary>
    public RateLimitWindow Push { get; set; } = new() { PermitLimit = 6000 };
}

/// <summary>At most <see cref="PermitLimit"/> requests per client IP in each fixed window of <see cref="WindowSeconds"/>.</summary>
public sealed class RateLimitWindow
{
    [Range(1, 10_000_000)]
    public int PermitLimit { get; set; }

    [Range(1, 86_400)]
    public int WindowSeconds { get; set; } = 60;
}
