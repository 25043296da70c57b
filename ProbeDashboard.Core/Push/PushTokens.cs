using System.Buffers.Text;
using System.Security.Cryptography;

namespace ProbeDashboard.Core.Push;

/// <summary>The secret in a push URL: 192 random bits, URL-safe base64 (32 characters).</summary>
public static class PushTokens
{
    public const int Length = 32;

    public static string New() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(24));

    /// <summary>The ping URL's path for a token; the detail and create responses carry it as <c>push_url</c>.</summary>
    public static string UrlPath(string token) => $"/api/push/{token}";

    /// <summary>True for something shaped like a token; anything else is answered like an unknown token.</summary>
    public static bool LooksValid(string? token) =>
        token is { Length: Length } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
