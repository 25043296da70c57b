using ProbeDashboard.Core.Auth;

namespace ProbeDashboard.Core.Accounts.SingleSignOn;

/// <summary>
/// Who an identity provider says signed in, from a validated id_token: the provider's issuer and subject link the
/// account (names and e-mail addresses can change or be reused, the pair cannot), the rest names a new account and
/// picks its role.
/// </summary>
/// <param name="Issuer">The id_token's <c>iss</c>.</param>
/// <param name="Subject">The id_token's <c>sub</c>.</param>
/// <param name="PreferredName">A user name for an account created at the first sign-in (preferred_username, e-mail or sub).</param>
/// <param name="ProviderName">The provider as the sign-in page names it, kept with the link.</param>
/// <param name="RoleValues">The values of the configured role claim (e.g. the user's groups).</param>
public sealed record ExternalIdentity(string Issuer, string Subject, string PreferredName, string ProviderName, IReadOnlyList<string> RoleValues);

/// <summary>How the server treats an identity provider's users.</summary>
/// <param name="RoleMap">Role claim value → role; a user with several mapped values gets the highest.</param>
/// <param name="AutoCreateUsers">Create an account at the first sign-in; otherwise only already linked users get in.</param>
public sealed record ExternalSignInPolicy(IReadOnlyDictionary<string, UserRole> RoleMap, bool AutoCreateUsers)
{
    /// <summary>The highest role any of <paramref name="values"/> maps to, or null when none maps.</summary>
    public UserRole? RoleFor(IEnumerable<string> values)
    {
        UserRole? best = null;
        foreach (var value in values)
            if (RoleMap.TryGetValue(value, out var role) && (best is null || role > best))
                best = role;
        return best;
    }
}

public enum ExternalSignInRefusal
{
    None,
    /// <summary>None of the user's role claim values is in the role map.</summary>
    NoMappedRole,
    /// <summary>No account is linked to this subject and accounts are not created automatically.</summary>
    NoAccount,
    /// <summary>The linked account is disabled here.</summary>
    Disabled,
}

/// <summary>Outcome of a single sign-on: the account to sign in, or why not.</summary>
public sealed record ExternalSignInResult(AppUser? User, ExternalSignInRefusal Refusal, bool Created = false)
{
    public bool Succeeded => Refusal == ExternalSignInRefusal.None;

    /// <summary>As the audit log names it.</summary>
    public string Reason => Refusal switch
    {
        ExternalSignInRefusal.NoMappedRole => "no role claim value maps to a role",
        ExternalSignInRefusal.NoAccount => "no linked account and automatic creation is off",
        ExternalSignInRefusal.Disabled => "disabled",
        _ => "",
    };
}
