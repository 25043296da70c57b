using MimeKit;

namespace ProbeDashboard.Core.Notifications.Email;

/// <summary>What the API, the CLI and the options accept as an e-mail address.</summary>
public static class EmailAddressSyntax
{
    // MimeKit by default takes "oncall" alone as a local mailbox; a recipient needs a domain to be reachable.
    private static readonly ParserOptions Strict = new() { AllowAddressesWithoutDomain = false };

    /// <returns>True for a bare address such as <c>oncall@example.org</c>: no display name, no list, no padding.</returns>
    public static bool IsValid(string? text) =>
        !string.IsNullOrEmpty(text) && MailboxAddress.TryParse(Strict, text, out var mailbox) && mailbox.Address == text && mailbox.Domain.Length > 0;
}
