using System.Security.Cryptography;

namespace ProbeDashboard.Core.Compat.OpenApi;

/// <summary>
/// A caller of the open monitoring API (seed 004): it signs each request with its api_key. HMAC needs the key
/// itself, so it is stored encrypted (<see cref="Notifications.SecretProtector"/>), not hashed, and shown once.
/// </summary>
public class OpenApiClient
{
    public int Id { get; set; }
    /// <summary>The public id sent as the Basic-auth user: 24 lower-case hex characters, like the seed's.</summary>
    public string ApiId { get; set; } = "";
    /// <summary>The account the client acts as when a request names no <c>username</c> (e.g. an e-mail).</summary>
    public string Name { get; set; } = "";
    /// <summary>A partner may create users and act for them with the <c>username</c> parameter.</summary>
    public bool IsPartner { get; set; }
    /// <summary>Most tasks the client may have, over all the users it acts for.</summary>
    public int TaskLimit { get; set; } = 50;
    /// <summary>The api_key, encrypted with Data Protection.</summary>
    public string ProtectedKey { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime? RevokedAt { get; set; }

    public const int MaxNameLength = 200;

    public static string NewApiId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));

    /// <summary>128 random bits as 32 hex characters, the shape of the seed's example key.</summary>
    public static string NewApiKey() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    /// <summary>The ids of tasks, alert groups: 32 hex characters like the seed's tid.</summary>
    public static string NewPublicId() => Guid.NewGuid().ToString("N");
}

/// <summary>A user a partner client created with <c>user/create</c> and then acts for with <c>username</c>.</summary>
public class OpenApiUser
{
    public int Id { get; set; }
    public int ClientId { get; set; }
    public string Email { get; set; } = "";
    public DateTime CreatedAt { get; set; }
}

/// <summary>A task of seed 004: the public tid of a monitor and the (client, user) that owns it.</summary>
public class OpenApiTask
{
    public string Tid { get; set; } = "";
    public int ClientId { get; set; }
    public string UserName { get; set; } = "";
    public int MonitorId { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>An alert group of seed 004: the public gid of a notification group and the (client, user) that owns it.</summary>
public class OpenApiAlertGroup
{
    public string Gid { get; set; } = "";
    public int ClientId { get; set; }
    public string UserName { get; set; } = "";
    public int NotificationGroupId { get; set; }
    public DateTime CreatedAt { get; set; }
}
