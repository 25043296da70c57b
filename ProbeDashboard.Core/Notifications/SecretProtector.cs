using Microsoft.AspNetCore.DataProtection;

namespace ProbeDashboard.Core.Notifications;

/// <summary>
/// Encrypts stored secrets (webhook HMAC keys, an SMTP password) with ASP.NET Core Data Protection; the key
/// ring lives in the data directory, so a copied database alone does not reveal them.
/// </summary>
public sealed class SecretProtector(IDataProtectionProvider provider)
{
    private readonly IDataProtector _protector = provider.CreateProtector("ProbeDashboard.Notifications.Secrets.v1");

    public string Protect(string secret) => _protector.Protect(secret);

    /// <exception cref="System.Security.Cryptography.CryptographicException">Not protected with this key ring.</exception>
    public string Unprotect(string protectedSecret) => _protector.Unprotect(protectedSecret);
}
