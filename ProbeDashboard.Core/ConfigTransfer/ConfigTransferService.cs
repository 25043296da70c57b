using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ProbeDashboard.Core.Access;
using ProbeDashboard.Core.Audit;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Core.Storage;

namespace ProbeDashboard.Core.ConfigTransfer;

/// <summary>What an import did, or would do on a dry run; <see cref="Errors"/> non-empty means nothing changed.</summary>
public sealed record ImportResult(bool DryRun, bool Applied, IReadOnlyList<SectionReport> Sections, IReadOnlyDictionary<string, string[]> Errors);

/// <summary>
/// Exports the configuration (one section per kind, see <see cref="IConfigSection"/>) as one document, and imports
/// such a document: every section inside ONE transaction, committed only when no item of any section had an
/// error, so a broken file changes nothing. Items are matched by name, so importing the same file twice changes
/// nothing the second time; stored items the file does not mention are kept. Both demand admin: the document
/// names every target and recipient. Each item an import changes leaves its own audit entry (written by the
/// section's service command), and an applied import one summary entry; a dry run or a refused import leaves none.
/// </summary>
public sealed class ConfigTransferService(
    IDbContextFactory<ProbeDbContext> dbFactory,
    IEnumerable<IConfigSection> sections,
    TimeProvider time,
    IAuditLog audit)
{
    public const string Format = "probedashboard-config";
    public const int Version = 1;
    private static readonly string[] HeaderKeys = ["format", "version", "exported_at", "secrets_included"];
    private readonly IReadOnlyList<IConfigSection> _sections = [.. sections.OrderBy(s => s.Order)];

    /// <param name="includeSecrets">Webhook secrets in clear; only on an explicit ask.</param>
    public async Task<JsonObject> ExportAsync(Actor actor, bool includeSecrets, CancellationToken cancellationToken)
    {
        actor.Demand(Permissions.Admin);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var context = new ExportContext(actor, db, includeSecrets, await HostNames.LoadAsync(db, cancellationToken));
        var document = new JsonObject
        {
            ["format"] = Format,
            ["version"] = Version,
            ["exported_at"] = time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'"),
            ["secrets_included"] = includeSecrets,
        };
        foreach (var section in _sections) document[section.Key] = await section.ExportAsync(context, cancellationToken);
        return document;
    }

    /// <param name="actor">Who imports: each section's commands authorize it and name it in their audit entries.</param>
    public async Task<ImportResult> ImportAsync(Actor actor, JsonObject document, bool dryRun, CancellationToken cancellationToken)
    {
        actor.Demand(Permissions.Admin);
        var headerErrors = CheckHeader(document);
        if (headerErrors.Count > 0) return new ImportResult(dryRun, false, [], headerErrors);

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var context = new ImportContext(actor, db, await HostNames.LoadAsync(db, cancellationToken), time.GetUtcNow().UtcDateTime);
        foreach (var section in _sections)
        {
            switch (document[section.Key])
            {
                case null: continue;
                case JsonArray items: await section.ImportAsync(items, context, cancellationToken); break;
                default: context.Error(section.Key, "must be a list"); break;
            }
        }
        var reports = _sections.Where(s => document.ContainsKey(s.Key)).Select(s => context.Report(s.Key)).ToList();
        if (context.HasErrors || dryRun)
        {
            await transaction.RollbackAsync(cancellationToken);
            return new ImportResult(dryRun, false, reports, context.Errors);
        }
        audit.Add(db, actor, AuditActions.ConfigImport, "configuration", Summary(reports));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        foreach (var action in context.AfterCommitActions) await action(cancellationToken);
        return new ImportResult(dryRun, true, reports, context.Errors);
    }

    /// <summary>What changed per section, e.g. <c>host_groups +1; monitors +2 ~1</c>; unchanged items are not changes.</summary>
    private static string Summary(IEnumerable<SectionReport> reports)
    {
        var changed = reports.Where(r => r.Created + r.Updated > 0)
            .Select(r => $"{r.Section} +{r.Created} ~{r.Updated}").ToList();
        return changed.Count == 0 ? "nothing changed" : string.Join("; ", changed);
    }

    private Dictionary<string, string[]> CheckHeader(JsonObject document)
    {
        var errors = new Dictionary<string, string[]>();
        if (document["format"]?.GetValueKind() != System.Text.Json.JsonValueKind.String || (string?)document["format"] != Format)
            errors["format"] = [$"format must be \"{Format}\""];
        // Compared as JSON text: a value read from YAML holds a long, one from JSON an element.
        if (document["version"] is not JsonValue version || version.ToJsonString() != Version.ToString(System.Globalization.CultureInfo.InvariantCulture))
            errors["version"] = [$"version must be {Version}; this server reads version {Version} documents"];
        var known = _sections.Select(s => s.Key).Concat(HeaderKeys).ToHashSet();
        foreach (var key in document.Select(p => p.Key).Where(k => !known.Contains(k)))
            errors[key] = ["unknown section"];
        return errors;
    }
}
