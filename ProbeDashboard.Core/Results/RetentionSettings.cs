using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ProbeDashboard.Core.Storage;

namespace ProbeDashboard.Core.Results;

/// <summary>The retention in force; <paramref name="Customized"/> when an administrator saved it in the UI.</summary>
public sealed record RetentionPolicy(int RawDays, int RollupDays, bool Customized);

/// <summary>
/// Retention as administrators set it (stored in <see cref="SystemSetting"/> rows by
/// <see cref="Settings.SettingsService"/>), falling back to <see cref="RetentionOptions"/> from configuration until
/// someone does. The retention job reads it each run, so a change applies from the next run on without a restart.
/// </summary>
public sealed class RetentionSettings(IDbContextFactory<ProbeDbContext> dbFactory, IOptions<RetentionOptions> defaults)
{
    public const string RawDaysKey = "retention.raw_days";
    public const string RollupDaysKey = "retention.rollup_days";

    public async Task<RetentionPolicy> GetAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var stored = await db.SystemSettings.AsNoTracking().Where(s => s.Key == RawDaysKey || s.Key == RollupDaysKey)
            .ToDictionaryAsync(s => s.Key, s => s.Value, cancellationToken);
        return new RetentionPolicy(
            Read(stored, RawDaysKey) ?? defaults.Value.RawDays,
            Read(stored, RollupDaysKey) ?? defaults.Value.RollupDays,
            stored.Count > 0);
    }

    /// <summary>The ranges of <see cref="RetentionOptions"/>, and rollups kept at least as long as raw results.</summary>
    public static Dictionary<string, string[]> Validate(int rawDays, int rollupDays)
    {
        var errors = new Dictionary<string, string[]>();
        var raw = RangeOf(nameof(RetentionOptions.RawDays));
        var rollup = RangeOf(nameof(RetentionOptions.RollupDays));
        if (rawDays < (int)raw.Minimum || rawDays > (int)raw.Maximum) errors["raw_days"] = [$"must be between {raw.Minimum} and {raw.Maximum} days"];
        if (rollupDays < (int)rollup.Minimum || rollupDays > (int)rollup.Maximum) errors["rollup_days"] = [$"must be between {rollup.Minimum} and {rollup.Maximum} days"];
        else if (rollupDays < rawDays) errors["rollup_days"] = ["must be at least the raw result retention: charts of older periods read rollups"];
        return errors;
    }

    private static RangeAttribute RangeOf(string property) =>
        (RangeAttribute)Attribute.GetCustomAttribute(typeof(RetentionOptions).GetProperty(property)!, typeof(RangeAttribute))!;

    private static int? Read(Dictionary<string, string> stored, string key) =>
        stored.TryGetValue(key, out var text) && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;
}
