using System.Globalization;

namespace ProbeDashboard.Core.Notifications.Channels;

public enum FieldFormat { Text, HttpUrl, Integer }

/// <summary>
/// One setting of a service channel, named as the API, the configuration file and the UI name it (snake_case).
/// A secret one is write-only: stored encrypted, never shown, kept when an update leaves it out.
/// </summary>
/// <param name="Accepts">Extra check of a text value beyond its format, with <paramref name="Expected"/> saying what is wanted.</param>
public sealed record ChannelField(
    string Name, bool Secret = false, bool Required = true, FieldFormat Format = FieldFormat.Text,
    int Min = int.MinValue, int Max = int.MaxValue, Func<string, bool>? Accepts = null, string? Expected = null)
{
    public const int MaxLength = 1000;

    /// <summary>The service's API base, which tests and self-hosted instances override.</summary>
    public static ChannelField ApiUrl(bool required = false) => new("api_url", Required: required, Format: FieldFormat.HttpUrl);

    /// <returns>What is wrong with <paramref name="value"/>, or null when it is acceptable.</returns>
    public string? Problem(string value)
    {
        if (value.Length > MaxLength) return $"{Name} is longer than {MaxLength} characters";
        switch (Format)
        {
            case FieldFormat.HttpUrl when !Uri.TryCreate(value, UriKind.Absolute, out var uri) || (uri.Scheme != "http" && uri.Scheme != "https"):
                return $"{Name} must be an absolute http(s) URL";
            case FieldFormat.Integer when !int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) || number < Min || number > Max:
                return $"{Name} must be a whole number from {Min} to {Max}";
        }
        return Accepts is not null && !Accepts(value) ? $"{Name} must be {Expected}" : null;
    }
}
