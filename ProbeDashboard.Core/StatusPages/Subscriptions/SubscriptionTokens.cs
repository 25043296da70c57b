using System.Security.Cryptography;
using System.Text;

namespace ProbeDashboard.Core.StatusPages.Subscriptions;

/// <summary>Tokens for confirmation and unsubscribe links: 256 random bits, URL-safe, stored only as their SHA-256.</summary>
public static class SubscriptionTokens
{
    public static string New() => Base64UrlEncode(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>Whether <paramref name="token"/> could be one of ours, so junk never reaches a query.</summary>
    public static bool LooksValid(string? token) =>
        token is { Length: 43 } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    private static string Base64UrlEncode(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
