using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using ProbeDashboard.Core.Accounts.TwoFactor;
using ProbeDashboard.Core.Auth;

namespace ProbeDashboard.Auth;

public enum CredentialRefusal
{
    None,
    UnknownUser,
    WrongPassword,
    LockedOut,
    Disabled,
    /// <summary>The password was right; the user has 2FA on and sent no code.</summary>
    SecondFactorRequired,
    WrongSecondFactor,
    /// <summary>Auth:LocalSignIn is BreakGlassOnly and this is not the break-glass user: nothing was checked.</summary>
    LocalSignInOff,
}

public sealed record CredentialResult(AppUser? User, CredentialRefusal Refusal)
{
    public bool Succeeded => Refusal == CredentialRefusal.None;

    /// <summary>As the audit log and the logs name it.</summary>
    public string Reason => Refusal switch
    {
        CredentialRefusal.UnknownUser => "unknown user",
        CredentialRefusal.WrongPassword => "wrong password",
        CredentialRefusal.LockedOut => "locked out",
        CredentialRefusal.Disabled => "disabled",
        CredentialRefusal.SecondFactorRequired => "second factor required",
        CredentialRefusal.WrongSecondFactor => "wrong second factor",
        CredentialRefusal.LocalSignInOff => "local sign-in is off (break-glass user only)",
        _ => "",
    };
}

/// <summary>
/// The one check behind the token endpoint and the sign-in form: lockout, password, enabled, then the second
/// factor. Wrong passwords and wrong codes both count towards the lockout, and the count is reset only once both
/// factors passed (Identity's own password check resets it on the password alone, which would let an attacker
/// who knows the password guess codes for ever).
/// </summary>
public sealed class CredentialCheck(UserManager<AppUser> users, TwoFactorService twoFactor, IOptions<AuthOptions> auth)
{
    public async Task<CredentialResult> CheckAsync(string userName, string password, string? totp, string? recoveryCode)
    {
        // Before the password: with single sign-on in charge, a password is no use to anyone else (and counts for nothing).
        if (!auth.Value.AllowsLocalSignIn(userName)) return new(null, CredentialRefusal.LocalSignInOff);
        var user = await users.FindByNameAsync(userName.Trim());
        if (user is null)
        {
            // Hash anyway, so that the answer for an unknown name takes as long as for a wrong password.
            users.PasswordHasher.HashPassword(new AppUser(), password);
            return new(null, CredentialRefusal.UnknownUser);
        }
        if (await users.IsLockedOutAsync(user)) return new(user, CredentialRefusal.LockedOut);
        if (!await users.CheckPasswordAsync(user, password))
            return await FailedAsync(user, CredentialRefusal.WrongPassword);
        if (user.Disabled) return new(user, CredentialRefusal.Disabled);
        if (!user.TwoFactorEnabled) return await SucceededAsync(user);
        return string.IsNullOrWhiteSpace(totp) && string.IsNullOrWhiteSpace(recoveryCode)
            ? new(user, CredentialRefusal.SecondFactorRequired)
            : await CheckSecondFactorAsync(user, totp, recoveryCode);
    }

    /// <summary>The sign-in form's second step, for a user whose password was checked by the first.</summary>
    public async Task<CredentialResult> CheckSecondFactorAsync(AppUser user, string? totp, string? recoveryCode)
    {
        if (await users.IsLockedOutAsync(user)) return new(user, CredentialRefusal.LockedOut);
        if (user.Disabled) return new(user, CredentialRefusal.Disabled);
        return await twoFactor.VerifyAsync(user, totp, recoveryCode)
            ? await SucceededAsync(user)
            : await FailedAsync(user, CredentialRefusal.WrongSecondFactor);
    }

    private async Task<CredentialResult> FailedAsync(AppUser user, CredentialRefusal refusal)
    {
        await users.AccessFailedAsync(user);
        return new(user, await users.IsLockedOutAsync(user) ? CredentialRefusal.LockedOut : refusal);
    }

    private async Task<CredentialResult> SucceededAsync(AppUser user)
    {
        if (user.AccessFailedCount > 0) await users.ResetAccessFailedCountAsync(user);
        return new(user, CredentialRefusal.None);
    }
}
