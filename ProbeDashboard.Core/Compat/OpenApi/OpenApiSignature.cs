using System.Security.Cryptography;
using System.Text;

namespace ProbeDashboard.Core.Compat.OpenApi;

/// <summary>
/// The request signature of seed 004: HMAC-SHA1, keyed with the api_key, over the request parameters sorted by
/// name and joined as <c>a=1&amp;b=2</c>. Values go in unescaped, except that a space becomes <c>+</c>, as the
/// seed's reference client (urlencode, then unquote) produces.
/// </summary>
public static class OpenApiSignature
{
    /// <summary>The string that is signed. Repeated names keep the order they were sent in.</summary>
    public static string Canonical(IEnumerable<KeyValuePair<string, string>> parameters) =>
        string.Join("&", parameters
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => p.Key.Replace(' ', '+') + "=" + p.Value.Replace(' ', '+')));

    /// <returns>The lower-case hex HMAC-SHA1 digest: the Basic-auth password.</returns>
    public static string Sign(string apiKey, string canonical) =>
        Convert.ToHexStringLower(HMACSHA1.HashData(Encoding.UTF8.GetBytes(apiKey), Encoding.UTF8.GetBytes(canonical)));

    /// <summary>
    /// Compares in constant time. The password may be the hex digest (either case) or, as in the seed's own
    /// example, that hex digest base64-encoded.
    /// </summary>
    public static bool Matches(string expectedHex, string password)
    {
        var expected = Encoding.ASCII.GetBytes(expectedHex);
        if (CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(password.ToLowerInvariant()))) return true;
        var decoded = TryBase64(password);
        return decoded is not null
            && CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(decoded.ToLowerInvariant()));
    }

    private static string? TryBase64(string text)
    {
        var buffer = new byte[text.Length];
        return Convert.TryFromBase64String(text, buffer, out var length) ? Encoding.ASCII.GetString(buffer, 0, length) : null;
    }
}
