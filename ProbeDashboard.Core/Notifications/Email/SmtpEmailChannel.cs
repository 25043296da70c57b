using System.Net;
using System.Net.Mail;
using System.Net.Mime;
using System.Text;
using Microsoft.Extensions.Options;

namespace ProbeDashboard.Core.Notifications.Email;

/// <summary>Sends plain-text mail through the configured SMTP server with System.Net.Mail.</summary>
public sealed class SmtpEmailChannel(IOptionsMonitor<SmtpOptions> options, SecretProtector secrets) : INotificationChannel
{
    public NotificationChannelKind Kind => NotificationChannelKind.Email;

    public async Task SendAsync(NotificationOutboxEntry message, CancellationToken cancellationToken)
    {
        var smtp = options.CurrentValue;
        if (string.IsNullOrWhiteSpace(smtp.Host))
            throw new InvalidOperationException("no SMTP server configured (Smtp:Host)");

        using var client = new SmtpClient(smtp.Host, smtp.Port)
        {
            DeliveryMethod = SmtpDeliveryMethod.Network,
            EnableSsl = smtp.Security == SmtpSecurity.StartTls,
        };
        if (!string.IsNullOrEmpty(smtp.User))
            client.Credentials = new NetworkCredential(smtp.User, Password(smtp));
        // UTF-8 throughout: rule, monitor and host names are often not ASCII.
        using var mail = new MailMessage(smtp.From, message.Address, message.Subject, message.Body)
        {
            SubjectEncoding = Encoding.UTF8,
            BodyEncoding = Encoding.UTF8,
            BodyTransferEncoding = TransferEncoding.QuotedPrintable,
        };
        await client.SendMailAsync(mail, cancellationToken);
    }

    private string? Password(SmtpOptions smtp) =>
        string.IsNullOrEmpty(smtp.ProtectedPassword) ? smtp.Password : secrets.Unprotect(smtp.ProtectedPassword);
}
