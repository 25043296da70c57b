using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;

namespace ProbeDashboard.Core.Notifications.Email;

public enum SmtpSecurity
{
    None = 0,
    StartTls = 1,
    /// <summary>Implicit TLS (usually port 465).</summary>
    Tls = 2,
}

/// <summary>The outgoing mail server. Section "Smtp". Without a host, e-mail recipients cannot be served.</summary>
public class SmtpOptions : IValidatableObject
{
    public const string Section = "Smtp";

    public string? Host { get; set; }

    [Range(1, 65535)]
    public int Port { get; set; } = 25;

    /// <summary>"none", "starttls" or "tls" (implicit TLS).</summary>
    public SmtpSecurity Security { get; set; } = SmtpSecurity.StartTls;

    /// <summary>
    /// PEM file with the certificates trusted for the server besides the system's roots: a private CA, or the
    /// server's own self-signed certificate. The server's name must still match its certificate.
    /// </summary>
    public string? TrustedCertificateFile { get; set; }

    /// <summary>Logs in with SMTP AUTH when set.</summary>
    public string? User { get; set; }

    /// <summary>Plain password; prefer <see cref="ProtectedPassword"/>. Never logged, never returned by the API.</summary>
    public string? Password { get; set; }

    /// <summary>The password encrypted with the server's Data Protection key ring (see README).</summary>
    public string? ProtectedPassword { get; set; }

    public string From { get; set; } = "probedashboard@localhost";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        // A number binds to the enum too; refusing it at start is kinder than failing every mail later.
        if (!Enum.IsDefined(Security))
            yield return new ValidationResult("Smtp:Security must be none, starttls or tls.", [nameof(Security)]);
        if (!EmailAddressSyntax.IsValid(From))
            yield return new ValidationResult($"Smtp:From '{From}' is not an e-mail address.", [nameof(From)]);
        if (!string.IsNullOrEmpty(TrustedCertificateFile) && TrustedCertificateProblem(TrustedCertificateFile) is { } problem)
            yield return new ValidationResult($"Smtp:TrustedCertificateFile '{TrustedCertificateFile}' {problem}.", [nameof(TrustedCertificateFile)]);
    }

    private static string? TrustedCertificateProblem(string path)
    {
        if (!File.Exists(path)) return "does not exist";
        try
        {
            return SmtpServerTrust.Load(path).Count == 0 ? "holds no PEM certificate" : null;
        }
        catch (Exception e) when (e is CryptographicException or IOException or UnauthorizedAccessException)
        {
            return "cannot be read: " + e.Message;
        }
    }
}
