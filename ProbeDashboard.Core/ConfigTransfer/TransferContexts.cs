using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ProbeDashboard.Core.Access;
using ProbeDashboard.Core.Storage;

namespace ProbeDashboard.Core.ConfigTransfer;

/// <summary>What an export runs with: who asks, the database, whether secrets go out in clear, and id → name maps.</summary>
public sealed class ExportContext(Actor actor, ProbeDbContext db, bool includeSecrets, HostNames hosts)
{
    public Actor Actor { get; } = actor;
    public ProbeDbContext Db { get; } = db;
    public bool IncludeSecrets { get; } = includeSecrets;
    public HostNames Hosts { get; } = hosts;
}

/// <summary>Per-section tally of an import.</summary>
public sealed record SectionReport(string Section, int Created, int Updated, int Unchanged);

/// <summary>
/// One import in progress: who imports (the actor every section's service command is called with, so each item's
/// audit entry names them), the database inside its transaction, the errors found so far (keyed by
/// <c>section[name].field</c>), the per-section tally, and work to do only after the commit (telling the
/// scheduler and the alert engine).
/// </summary>
public sealed class ImportContext(Actor actor, ProbeDbContext db, HostNames hosts, DateTime now)
{
    private readonly Dictionary<string, List<string>> _errors = new();
    private readonly List<Func<CancellationToken, Task>> _afterCommit = [];
    private readonly Dictionary<string, int[]> _tally = new();

    public ProbeDbContext Db { get; } = db;
    public HostNames Hosts { get; } = hosts;
    public DateTime Now { get; } = now;
    /// <summary>Who imports; the sections' commands authorize and audit it.</summary>
    public Actor Actor { get; } = actor;

    public bool HasErrors => _errors.Count > 0;

    public IReadOnlyDictionary<string, string[]> Errors => _errors.ToDictionary(e => e.Key, e => e.Value.ToArray());

    public void Error(string where, string message)
    {
        if (!_errors.TryGetValue(where, out var list)) _errors[where] = list = [];
        list.Add(message);
    }

    public void ErrorsFrom(string where, IEnumerable<KeyValuePair<string, string[]>> fieldErrors)
    {
        foreach (var (field, messages) in fieldErrors)
            foreach (var message in messages) Error($"{where}.{field}", message);
    }

    public void AfterCommit(Func<CancellationToken, Task> action) => _afterCommit.Add(action);

    internal IReadOnlyList<Func<CancellationToken, Task>> AfterCommitActions => _afterCommit;

    public void Count(string section, ItemOutcome outcome)
    {
        if (!_tally.TryGetValue(section, out var counts)) _tally[section] = counts = new int[3];
        counts[(int)outcome]++;
    }

    /// <summary>Counts a service's import outcome for one item, or reports its refusal at <paramref name="where"/>.</summary>
    public void Count(string section, string where, ImportItemResult result)
    {
        switch (result.Outcome)
        {
            case ImportOutcome.Invalid: Error(result.Field is null ? where : $"{where}.{result.Field}", result.Problem!); break;
            case ImportOutcome.Created: Count(section, ItemOutcome.Created); break;
            case ImportOutcome.Updated: Count(section, ItemOutcome.Updated); break;
            default: Count(section, ItemOutcome.Unchanged); break;
        }
    }

    public SectionReport Report(string section) =>
        _tally.TryGetValue(section, out var c) ? new(section, c[0], c[1], c[2]) : new(section, 0, 0, 0);

    /// <summary>
    /// Reads a section's items into <typeparamref name="T"/>, reporting unreadable ones and keys used twice.
    /// Returns the readable items with the place to report their errors (<c>section[key]</c>).
    /// </summary>
    /// <param name="name">The item's stable key.</param>
    /// <param name="keyField">The key's field in the document, for the "required" error.</param>
    public List<(string Where, T Item)> ReadItems<T>(string section, JsonArray items, Func<T, string?> name, string keyField = "name")
    {
        var read = new List<(string, T)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < items.Count; i++)
        {
            T? item;
            try
            {
                item = items[i] is null ? default : items[i].Deserialize<T>(ConfigJson.Options);
            }
            catch (JsonException e)
            {
                Error($"{section}[{i}]", ConfigJson.Describe(e));
                continue;
            }
            if (item is null) { Error($"{section}[{i}]", "item must be an object"); continue; }
            var key = name(item)?.Trim();
            if (string.IsNullOrEmpty(key)) { Error($"{section}[{i}].{keyField}", $"{keyField} is required"); continue; }
            if (!seen.Add(key)) { Error($"{section}[{key}]", $"{keyField} is used twice in this section"); continue; }
            read.Add(($"{section}[{key}]", item));
        }
        return read;
    }

    /// <summary>The one stored row with this name, or none; reports an error (and says so) when several share it.</summary>
    /// <param name="byName">Ordered, so the two rows fetched to detect a shared name are always the same ones.</param>
    public async Task<(TEntity? Item, bool Ambiguous)> SingleByNameAsync<TEntity>(IOrderedQueryable<TEntity> byName, string where, CancellationToken cancellationToken)
        where TEntity : class
    {
        var found = await byName.Take(2).ToListAsync(cancellationToken);
        if (found.Count <= 1) return (found.SingleOrDefault(), false);
        Error(where, "several stored items have this name; rename them so it is unique before importing");
        return (null, true);
    }
}

public enum ItemOutcome { Created = 0, Updated = 1, Unchanged = 2 }
