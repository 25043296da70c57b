using System.Security.Cryptography.X509Certificates;

namespace ProbeDashboard.Core.Probing;

/// <summary>The leaf certificate a target presented: when it expires (UTC) and whose it is.</summary>
public sealed record SeenCertificate(DateTime NotAfter, string Subject, string Issuer)
{
    /// <summary>Longest subject or issuer kept; distinguished names are short, a hostile one need not be.</summary>
    public const int MaxNameLength = 500;

    public static SeenCertificate From(X509Certificate2 certificate) =>
        new(certificate.NotAfter.ToUniversalTime(), Shorten(certificate.Subject), Shorten(certificate.Issuer));

    /// <summary>Whole days left at <paramref name="now"/>, rounded down; negative once expired.</summary>
    public static int DaysLeft(DateTime notAfter, DateTime now) => (int)Math.Floor((notAfter - now).TotalDays);

    private static string Shorten(string name) => name.Length <= MaxNameLength ? name : name[..MaxNameLength];
}
