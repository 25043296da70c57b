using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using ProbeDashboard.Core.Access;
using ProbeDashboard.Core.Audit;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Core.Storage;

namespace ProbeDashboard.Core.Accounts.TwoFactor;

public sealed record TwoFactorStatus(bool Enabled, bool SetupPending, int RecoveryCodesLeft);

/// <summary>What setup hands the user: the secret to type in, or the link to scan.</summary>
public sealed record TwoFactorSetup(string Secret, string OtpauthUri);

public enum TwoFactorFailure
{
    None,
    NotFound,
    /// <summary>The command does not fit the current state (already on, not set up, not on).</summary>
    Conflict,
    WrongCode,
}

/// <summary>Outcome of a 2FA command; <see cref="RecoveryCodes"/> only when 2FA was just turned on (shown once).</summary>
public sealed record TwoFactorResult(TwoFactorFailure Failure = TwoFactorFailure.None, string Message = "",
    IReadOnlyList<string>? RecoveryCodes = null, TwoFactorSetup? Setup = null)
{
    public static readonly TwoFactorResult Done = new();
    public static readonly TwoFactorResult Concurrent = new(TwoFactorFailure.Conflict, "the account was changed by another request at the same time: try again");
    public static TwoFactorResult Conflict(string message) => new(TwoFactorFailure.Conflict, message);
    public static readonly TwoFactorResult WrongCode = new(TwoFactorFailure.WrongCode, "the code is wrong, expired or already used");
    public static readonly TwoFactorResult Missing = new(TwoFactorFailure.NotFound, "user not found");
}

/// <summary>
/// TOTP two-factor sign-in: a user sets it up, proves a code to turn it on (and gets the recovery codes), and
/// turns it off with a code; an admin can reset it for a user who lost the phone. The sign-in paths check the
/// second factor with <see cref="VerifyAsync"/>. Scoped: it shares the Identity store's context, so a change
/// and its audit entry commit together and the host's token cache hears of the change.
/// </summary>
public sealed class TwoFactorService(UserManager<AppUser> users, ProbeDbContext db, TimeProvider time, IAuditLog audit, IDataProtectionProvider protection)
{
    private readonly IDataProtector _secrets = protection.CreateProtector("ProbeDashboard.Accounts.Totp.v1");

    public async Task<TwoFactorStatus> StatusAsync(Actor actor, CancellationToken cancellationToken)
    {
        var id = actor.OwnUserId();
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == id, cancellationToken);
        if (user is null) return new TwoFactorStatus(false, false, 0);
        var left = await db.Set<RecoveryCode>().CountAsync(c => c.UserId == id && c.UsedAt == null, cancellationToken);
        return new TwoFactorStatus(user.TwoFactorEnabled, !user.TwoFactorEnabled && user.TotpSecret is not null, left);
    }

    /// <summary>Starts (or restarts) setup with a new secret; nothing changes for sign-in until <see cref="EnableAsync"/>.</summary>
    /// <returns>The new secret in <see cref="TwoFactorResult.Setup"/>; a conflict when 2FA is already on (turn it off first).</returns>
    public async Task<TwoFactorResult> SetupAsync(Actor actor)
    {
        var user = await users.FindByIdAsync(actor.OwnUserId().ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (user is null) return TwoFactorResult.Missing;
        if (user.TwoFactorEnabled) return TwoFactorResult.Conflict("two-factor sign-in is already on: turn it off first to set up a new secret");
        var secret = TotpCodes.NewSecret();
        user.TotpSecret = _secrets.Protect(secret);
        user.TotpLastStep = 0;
        return await SaveAsync(actor, user, AuditActions.TwoFactorSetup, "setup started", null)
            ? new TwoFactorResult(Setup: new TwoFactorSetup(secret, TotpCodes.Uri(secret, user.UserName!)))
            : TwoFactorResult.Concurrent;
    }

    /// <summary>The setup started earlier and not finished yet, so a page reload shows the same QR code.</summary>
    public async Task<TwoFactorSetup?> PendingSetupAsync(Actor actor, CancellationToken cancellationToken)
    {
        var id = actor.OwnUserId();
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == id, cancellationToken);
        if (user is not { TwoFactorEnabled: false, TotpSecret: { } stored }) return null;
        var secret = _secrets.Unprotect(stored);
        return new TwoFactorSetup(secret, TotpCodes.Uri(secret, user.UserName!));
    }

    /// <summary>Turns 2FA on once the user proves a code of the pending secret; answers the new recovery codes.</summary>
    public async Task<TwoFactorResult> EnableAsync(Actor actor, string? code)
    {
        var user = await users.FindByIdAsync(actor.OwnUserId().ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (user is null) return TwoFactorResult.Missing;
        if (user.TwoFactorEnabled) return TwoFactorResult.Conflict("two-factor sign-in is already on");
        if (user.TotpSecret is null) return TwoFactorResult.Conflict("start with setup: POST /api/v1/auth/2fa/setup");
        if (TotpCodes.MatchStep(_secrets.Unprotect(user.TotpSecret), code, Now) is not { } step || step <= user.TotpLastStep)
            return TwoFactorResult.WrongCode;

        user.TwoFactorEnabled = true;
        user.TotpLastStep = step;
        var codes = Enumerable.Range(0, RecoveryCode.CountPerUser).Select(_ => RecoveryCode.NewCode()).ToList();
        var saved = await SaveAsync(actor, user, AuditActions.TwoFactorEnable, "turned on", async () =>
        {
            await db.Set<RecoveryCode>().Where(c => c.UserId == user.Id).ExecuteDeleteAsync();
            db.Set<RecoveryCode>().AddRange(codes.Select(c => new RecoveryCode { UserId = user.Id, CodeHash = RecoveryCode.Hash(c), CreatedAt = Now }));
        });
        return saved ? new TwoFactorResult(RecoveryCodes: codes) : TwoFactorResult.Concurrent;
    }

    /// <summary>Turns 2FA off; the user proves it is them with a TOTP code or an unused recovery code.</summary>
    public async Task<TwoFactorResult> DisableAsync(Actor actor, string? code)
    {
        var user = await users.FindByIdAsync(actor.OwnUserId().ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (user is null) return TwoFactorResult.Missing;
        if (!user.TwoFactorEnabled) return TwoFactorResult.Conflict("two-factor sign-in is not on");
        if (!await VerifyAsync(user, code, code))
            return TwoFactorResult.WrongCode;
        return await ClearAsync(actor, user, "turned off", AuditActions.TwoFactorDisable) ? TwoFactorResult.Done : TwoFactorResult.Concurrent;
    }

    /// <summary>An administrator turns a user's 2FA off (lost phone, no recovery codes left); the user can set it up again.</summary>
    public async Task<TwoFactorResult> ResetAsync(Actor actor, int userId)
    {
        actor.Demand(Permissions.Admin);
        var user = await users.FindByIdAsync(userId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (user is null) return TwoFactorResult.Missing;
        return await ClearAsync(actor, user, "reset by an administrator", AuditActions.TwoFactorReset) ? TwoFactorResult.Done : TwoFactorResult.Concurrent;
    }

    /// <summary>
    /// The second factor of a sign-in: a TOTP code of a step later than the last one accepted, or an unused
    /// recovery code, each accepted once even when two requests race (a conditional update decides).
    /// </summary>
    public async Task<bool> VerifyAsync(AppUser user, string? totp, string? recoveryCode)
    {
        if (user.TotpSecret is not null && !string.IsNullOrWhiteSpace(totp)
            && TotpCodes.MatchStep(_secrets.Unprotect(user.TotpSecret), totp, Now) is { } step
            && await db.Users.Where(u => u.Id == user.Id && u.TotpLastStep < step)
                .ExecuteUpdateAsync(s => s.SetProperty(u => u.TotpLastStep, step)) == 1)
            return true;
        if (string.IsNullOrWhiteSpace(recoveryCode)) return false;
        var hash = RecoveryCode.Hash(recoveryCode);
        var now = Now;
        return await db.Set<RecoveryCode>().Where(c => c.UserId == user.Id && c.CodeHash == hash && c.UsedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.UsedAt, now)) == 1;
    }

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    private Task<bool> ClearAsync(Actor actor, AppUser user, string description, string action)
    {
        user.TwoFactorEnabled = false;
        user.TotpSecret = null;
        user.TotpLastStep = 0;
        return SaveAsync(actor, user, action, description,
            () => db.Set<RecoveryCode>().Where(c => c.UserId == user.Id).ExecuteDeleteAsync());
    }

    /// <returns>False when another request changed the user first (Identity's concurrency stamp); nothing is stored then.</returns>
    private async Task<bool> SaveAsync(Actor actor, AppUser user, string action, string description, Func<Task>? alsoDo)
    {
        await using var transaction = await db.Database.BeginTransactionAsync();
        if (alsoDo is not null) await alsoDo();
        var result = await users.UpdateAsync(user);
        if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.ConcurrencyFailure)))
            return false;
        if (!result.Succeeded)
            throw new InvalidOperationException("Cannot store the user: " + string.Join("; ", result.Errors.Select(e => e.Description)));
        audit.Add(db, actor, action, $"user #{user.Id} {user.UserName}", description);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return true;
    }
}
