using System.ComponentModel.DataAnnotations;

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

    public string? User { get; set; }

    /// <summary>Plain password; prefer <see cref="ProtectedPassword"/>. Never logged, never returned by the API.</summary>
    public string? Password { get; set; }

    /// <summary>The password encrypted with the server's Data Protection key ring (see README).</summary>
    public string? ProtectedPassword { get; set; }

    public string From { get; set; } = "probedashboard@localhost";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        // System.Net.Mail speaks STARTTLS only; refusing at start is kinder than failing every mail later.
        if (Security == SmtpSecurity.Tls)
            yield return new ValidationResult("Smtp:Security 'tls' (implicit TLS) is not supported by the mail client; use 'starttls' (usually port 587).",
                [nameof(Security)]);
    }
}
