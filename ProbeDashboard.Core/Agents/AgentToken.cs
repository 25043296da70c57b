using System.Security.Cryptography;
using System.Text;

namespace ProbeDashboard.Core.Agents;

/// <summary>
/// A secret agents present as <c>Authorization: Token &lt;token&gt;</c>. Only its SHA-256 is stored: the plain
/// token is shown once, when an admin creates it. Tokens are random (256 bits), so a plain hash is enough.
/// </summary>
public class AgentToken
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    /// <summary>Lower-case hex SHA-256 of the token.</summary>
    public string TokenHash { get; set; } = "";
    /// <summary>The first characters of the token, so an admin can tell tokens apart.</summary>
    public string Prefix { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime? RevokedAt { get; set; }
    public DateTime? LastUsedAt { get; set; }

    public static string Hash(string token) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>A new random token: "pdt_" and 43 url-safe base64 characters.</summary>
    public static string NewSecret() =>
        "pdt_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

/// <summary>A dependency component an agent reported (type 17), one row per host and package path.</summary>
public class AgentComponent
{
    public long Id { get; set; }
    public int HostId { get; set; }
    public string PackagePath { get; set; } = "";
    public string PackageName { get; set; } = "";
    public string PackageSignature { get; set; } = "";
    public string PackageAlgorithm { get; set; } = "";
    public DateTime FirstSeenAt { get; set; }
    public DateTime LastSeenAt { get; set; }
}

/// <summary>One method-call report (type 36): the searchable parts in columns, the whole detail as JSON.</summary>
public class MethodCallReport
{
    public long Id { get; set; }
    public int HostId { get; set; }
    public DateTime ReceivedAt { get; set; }
    public string? Method { get; set; }
    public string Uri { get; set; } = "";
    public string? Url { get; set; }
    public string? ClientIp { get; set; }
    public string? Language { get; set; }
    public int PoolSize { get; set; }
    /// <summary>The report's <c>detail</c> object as sent.</summary>
    public string DetailJson { get; set; } = "{}";
}

/// <summary>A hook-rule profile as seed 003's <c>GET /api/v1/profiles</c> returns it, per agent language.</summary>
public class HookProfile
{
    public int Id { get; set; }
    /// <summary>JAVA, PYTHON, PHP or GO.</summary>
    public string Language { get; set; } = "JAVA";
    /// <summary>1 propagator, 2 source, 3 filter, 4 sink.</summary>
    public int Type { get; set; }
    public bool Enable { get; set; } = true;
    public string Value { get; set; } = "";
    public HookRuleDetails Details { get; set; } = new();
}

/// <summary>The rule details of a profile, stored as one JSON column.</summary>
public class HookRuleDetails
{
    public List<HookRuleDetail> Items { get; set; } = [];
}

public sealed record HookRuleDetail(string Source, string Track, string Target, string Value, string Inherit);
