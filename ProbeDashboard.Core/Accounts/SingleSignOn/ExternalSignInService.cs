using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using ProbeDashboard.Core.Access;
using ProbeDashboard.Core.Audit;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Core.Storage;

namespace ProbeDashboard.Core.Accounts.SingleSignOn;

/// <summary>
/// Single sign-on's account side, after the host validated the provider's id_token: finds the account linked to
/// the issuer and subject (an Identity external-login row), or creates one when allowed, and sets its role from
/// the provider's claims at every sign-in (the provider is where roles are managed). Plumbing like the password
/// sign-in: nobody is signed in yet, so it demands nothing and writes its own audit entries. Scoped: it shares the
/// Identity store's context, so an account, its link and its audit entry commit together.
/// </summary>
public sealed class ExternalSignInService(UserManager<AppUser> users, ProbeDbContext db, TimeProvider time, IAuditLog audit)
{
    public const string LoginProviderPrefix = "oidc:";

    /// <summary>The external-login provider name a link is stored under: the issuer, so two providers never share subjects.</summary>
    public static string LoginProvider(string issuer) => LoginProviderPrefix + issuer;

    public async Task<ExternalSignInResult> SignInAsync(ExternalIdentity identity, ExternalSignInPolicy policy, CancellationToken cancellationToken)
    {
        var provider = LoginProvider(identity.Issuer);
        var user = await users.FindByLoginAsync(provider, identity.Subject);
        var role = policy.RoleFor(identity.RoleValues);
        var who = user is null ? $"{identity.PreferredName} ({identity.ProviderName} subject {identity.Subject})" : Target(user);
        var refusal = user switch
        {
            { Disabled: true } => ExternalSignInRefusal.Disabled,
            _ when role is null => ExternalSignInRefusal.NoMappedRole,
            null when !policy.AutoCreateUsers => ExternalSignInRefusal.NoAccount,
            _ => ExternalSignInRefusal.None,
        };
        if (refusal != ExternalSignInRefusal.None)
        {
            var result = new ExternalSignInResult(user, refusal);
            await audit.RecordAsAsync(user?.UserName ?? Actor.Anonymous.Name, AuditActions.SignInFailed, who,
                $"{identity.ProviderName}: {result.Reason}", cancellationToken);
            return result;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var created = user is null;
        if (user is null)
        {
            user = await CreateAsync(identity, provider, role!.Value);
            audit.Add(db, ActorOf(user), AuditActions.UserCreate, Target(user),
                $"created at the first sign-in with {identity.ProviderName}, role {RoleName(user.Role)}");
        }
        else if (user.Role != role)
        {
            var before = user.Role;
            user.Role = role!.Value;
            // As when an administrator changes a role: the user's other sessions carry the old permissions, so they end.
            await users.UpdateSecurityStampAsync(user);
            audit.Add(db, ActorOf(user), AuditActions.UserChange, Target(user),
                $"role set to {RoleName(user.Role)} (was {RoleName(before)}) by {identity.ProviderName}");
        }
        audit.Add(db, ActorOf(user), AuditActions.SignIn, Target(user), $"dashboard, single sign-on with {identity.ProviderName}");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new ExternalSignInResult(user, ExternalSignInRefusal.None, created);
    }

    /// <summary>A new account without a password (it can only sign in through the provider), linked to the subject.</summary>
    private async Task<AppUser> CreateAsync(ExternalIdentity identity, string provider, UserRole role)
    {
        // A local account of the same name is never taken over: the new one gets a free name next to it.
        var name = await FreeNameAsync(identity.PreferredName);
        var user = new AppUser { UserName = name, Role = role, CreatedAt = time.GetUtcNow().UtcDateTime };
        Check(await users.CreateAsync(user));
        Check(await users.AddLoginAsync(user, new UserLoginInfo(provider, identity.Subject, identity.ProviderName)));
        return user;
    }

    private async Task<string> FreeNameAsync(string preferred)
    {
        var name = UsableName(preferred);
        for (var n = 1; await users.FindByNameAsync(name) is not null; n++)
            name = $"{UsableName(preferred)}-sso{(n == 1 ? "" : n.ToString(CultureInfo.InvariantCulture))}";
        return name;
    }

    /// <summary>Identity's default user-name alphabet, so a created account's name is one an admin can type too.</summary>
    private string UsableName(string preferred)
    {
        var allowed = users.Options.User.AllowedUserNameCharacters;
        var kept = new string([.. preferred.Trim().Where(c => string.IsNullOrEmpty(allowed) || allowed.Contains(c))]);
        return kept.Length == 0 ? "sso-user" : kept[..Math.Min(kept.Length, 100)];
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException("could not create the account: " + string.Join("; ", result.Errors.Select(e => e.Description)));
    }

    private static Actor ActorOf(AppUser user) => Actor.ForRole(user.Id, user.UserName!, user.Role);

    private static string RoleName(UserRole role) => role.ToString().ToLowerInvariant();

    private static string Target(AppUser user) => $"user #{user.Id} {user.UserName}";
}
