using System.Globalization;
using System.Resources;
using Microsoft.AspNetCore.Identity;
using ProbeDashboard.Resources;

namespace ProbeDashboard.Auth;

/// <summary>
/// Identity's refusals (password rules, user names) worded in CoreText.resx. They stay English where they are made, like
/// every Core message (API clients and logs get them as written); the UI shows them in its language through
/// <see cref="Ui.CoreTextTranslator"/>, which matches these same English patterns and fills in the Chinese ones.
/// </summary>
public sealed class IdentityTextDescriber : IdentityErrorDescriber
{
    private static readonly ResourceManager Texts = new(typeof(CoreText));

    public override IdentityError PasswordTooShort(int length) => Error(nameof(PasswordTooShort), "IdentityPasswordTooShort", length);
    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => Error(nameof(PasswordRequiresUniqueChars), "IdentityPasswordUniqueChars", uniqueChars);
    public override IdentityError PasswordRequiresNonAlphanumeric() => Error(nameof(PasswordRequiresNonAlphanumeric), "IdentityPasswordNonAlphanumeric");
    public override IdentityError PasswordRequiresDigit() => Error(nameof(PasswordRequiresDigit), "IdentityPasswordDigit");
    public override IdentityError PasswordRequiresLower() => Error(nameof(PasswordRequiresLower), "IdentityPasswordLower");
    public override IdentityError PasswordRequiresUpper() => Error(nameof(PasswordRequiresUpper), "IdentityPasswordUpper");
    public override IdentityError PasswordMismatch() => Error(nameof(PasswordMismatch), "IdentityPasswordMismatch");
    public override IdentityError DuplicateUserName(string userName) => Error(nameof(DuplicateUserName), "IdentityDuplicateUserName", userName);
    public override IdentityError InvalidUserName(string? userName) => Error(nameof(InvalidUserName), "IdentityInvalidUserName", userName ?? "");

    /// <summary>The English text, whatever the request's language: the code stays Identity's, so callers can still tell errors apart.</summary>
    private static IdentityError Error(string code, string key, params object[] values) => new()
    {
        Code = code,
        Description = string.Format(CultureInfo.InvariantCulture, Texts.GetString(key, CultureInfo.InvariantCulture)!, values),
    };
}
