using System.Collections;
using System.Collections.Concurrent;
using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using ProbeDashboard.Resources;

namespace ProbeDashboard.Ui;

/// <summary>
/// Shows the Core's texts in the UI's language: probe errors stored with results, alert titles, validation
/// messages. The Core writes them in English once (they are stored and sent to API clients as they are); the UI
/// translates them when it shows them, by matching the English patterns of CoreText.resx ("timeout after {0}s")
/// and filling the values into the translated pattern. Text that matches no pattern (a server's own error message,
/// a user's rule name) is shown as it is.
/// </summary>
public sealed class CoreTextTranslator
{
    /// <summary>The one instance: components get it injected; static helpers such as FieldErrorText use it directly.</summary>
    public static CoreTextTranslator Shared { get; } = new();

    /// <summary>
    /// For the audit log's details and targets: also the patterns keyed Audit*, which are short ("enabled", "user {0}") and
    /// kept out of <see cref="Shared"/> so that they never rewrite a probe error or an alert title that happens to match.
    /// </summary>
    public static CoreTextTranslator Audit { get; } = new(_ => true);

    private const string AuditPrefix = "Audit";
    private readonly Func<string, bool> _uses;

    /// <summary>Every pattern except the audit log's.</summary>
    public CoreTextTranslator() : this(key => !key.StartsWith(AuditPrefix, StringComparison.Ordinal)) { }

    private CoreTextTranslator(Func<string, bool> uses) => _uses = uses;

    private static readonly ResourceManager Texts = new(typeof(CoreText));
    private readonly ConcurrentDictionary<string, IReadOnlyList<Pattern>> _byCulture = new();

    private sealed record Pattern(Regex English, string Translated);

    public string Translate(string? text) => Translate(text, CultureInfo.CurrentUICulture);

    public string Translate(string? text, CultureInfo culture)
    {
        if (string.IsNullOrEmpty(text)) return text ?? "";
        foreach (var pattern in PatternsFor(culture))
        {
            var match = pattern.English.Match(text);
            if (match.Success)
                return string.Format(culture, pattern.Translated, match.Groups.Values.Skip(1).Select(g => (object)g.Value).ToArray());
        }
        return text;
    }

    private IReadOnlyList<Pattern> PatternsFor(CultureInfo culture) => _byCulture.GetOrAdd(culture.Name, _ =>
    {
        var english = Texts.GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: false)!;
        return english.Cast<DictionaryEntry>()
            .Where(e => _uses((string)e.Key))
            .Select(e => (English: (string)e.Value!, Translated: Texts.GetString((string)e.Key, culture)!))
            .Where(p => p.Translated != p.English)
            // The longest fixed text first: "{0} is down" must win over "{0} on {1}" for "backup on nas is down".
            .OrderByDescending(p => Regex.Replace(p.English, @"\{\d\}", "").Length)
            .Select(p => new Pattern(ToRegex(p.English), p.Translated))
            .ToList();
    });

    private static Regex ToRegex(string english) =>
        new("^" + Regex.Replace(Regex.Escape(english), @"\\\{(\d)}", "(.+?)") + "$", RegexOptions.CultureInvariant | RegexOptions.Singleline);
}
