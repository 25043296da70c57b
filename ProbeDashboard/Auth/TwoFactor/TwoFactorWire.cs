using ProbeDashboard.Core.Accounts.TwoFactor;

namespace ProbeDashboard.Auth.TwoFactor;

/// <param name="Code">A 6-digit code from the authenticator app (to turn 2FA off, a recovery code works too).</param>
public sealed record TwoFactorCodeRequest(string? Code);

/// <param name="Enabled">Sign-in asks for a code.</param>
/// <param name="SetupPending">Setup was started and waits for a code to turn it on.</param>
/// <param name="RecoveryCodesLeft">Unused recovery codes.</param>
/// <param name="Required">The server requires 2FA of every user (<c>Auth:Require2fa</c>).</param>
public sealed record TwoFactorStatusResponse(bool Enabled, bool SetupPending, int RecoveryCodesLeft, bool Required);

/// <param name="Secret">The base32 secret, for typing into an authenticator app by hand.</param>
/// <param name="OtpauthUri">The <c>otpauth://totp/...</c> link the QR code holds.</param>
/// <param name="QrSvg">The QR code of <paramref name="OtpauthUri"/> as an SVG document.</param>
public sealed record TwoFactorSetupResponse(string Secret, string OtpauthUri, string QrSvg)
{
    public static TwoFactorSetupResponse From(TwoFactorSetup setup) => new(setup.Secret, setup.OtpauthUri, QrCodes.Svg(setup.OtpauthUri));
}

/// <param name="RecoveryCodes">Ten one-time codes for when the phone is lost; shown only now, stored hashed.</param>
public sealed record TwoFactorEnabledResponse(IReadOnlyList<string> RecoveryCodes);
