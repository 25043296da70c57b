using OtpNet;

namespace ProbeDashboard.Core.Accounts.TwoFactor;

/// <summary>
/// RFC 6238 codes as authenticator apps expect them: SHA-1, 30-second steps, 6 digits. A code of the step
/// before or after the current one is accepted too, for clocks that are a little off.
/// </summary>
public static class TotpCodes
{
    public const string Issuer = "ProbeDashboard";
    private static readonly VerificationWindow Skew = new(previous: 1, future: 1);

    /// <summary>A new random secret of 160 bits (the size RFC 4226 recommends for SHA-1), base32 encoded.</summary>
    public static string NewSecret() => Base32Encoding.ToString(KeyGeneration.GenerateRandomKey(20));

    /// <summary>The <c>otpauth://totp/...</c> link an authenticator app reads from the QR code.</summary>
    public static string Uri(string secret, string userName) =>
        new OtpUri(OtpType.Totp, secret, userName, Issuer, OtpHashMode.Sha1, digits: 6, period: 30).ToString();

    /// <returns>The time step <paramref name="code"/> belongs to, or null when it matches none within the skew.</returns>
    public static long? MatchStep(string secret, string? code, DateTime utcNow)
    {
        var digits = code?.Replace(" ", "").Trim();
        if (digits is not { Length: 6 } || !digits.All(char.IsAsciiDigit))
            return null;
        var totp = new Totp(Base32Encoding.ToBytes(secret), step: 30, mode: OtpHashMode.Sha1, totpSize: 6);
        return totp.VerifyTotp(utcNow, digits, out var step, Skew) ? step : null;
    }
}
