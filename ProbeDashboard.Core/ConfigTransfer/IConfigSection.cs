using System.Text.Json.Nodes;

namespace ProbeDashboard.Core.ConfigTransfer;

/// <summary>
/// One kind of configuration in the export document (monitors, alert rules, ...): a list under <see cref="Key"/>
/// whose items are matched to stored ones by a stable key (their name). A new kind is one class implementing
/// this and one DI registration; the service runs the sections in <see cref="Order"/>, so a section can refer to
/// items of earlier ones by name.
/// </summary>
public interface IConfigSection
{
    /// <summary>The document's property holding this section's list, snake_case.</summary>
    string Key { get; }

    /// <summary>Lower runs first on export and import; sections others refer to come first.</summary>
    int Order { get; }

    Task<JsonArray> ExportAsync(ExportContext context, CancellationToken cancellationToken);

    /// <summary>
    /// Validates each item, reporting problems with <see cref="ImportContext.Error"/>, and creates or updates the
    /// valid ones on <see cref="ImportContext.Db"/>, saving so later sections can resolve them. The service rolls
    /// everything back when any section reported an error (or on a dry run).
    /// </summary>
    Task ImportAsync(JsonArray items, ImportContext context, CancellationToken cancellationToken);
}
