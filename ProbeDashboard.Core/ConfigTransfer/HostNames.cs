using Microsoft.EntityFrameworkCore;
using ProbeDashboard.Core.Storage;

namespace ProbeDashboard.Core.ConfigTransfer;

/// <summary>
/// Hosts by name for the document, which never carries ids. Hosts themselves are not exported (agents register
/// on their own); the server's own host is written as <see cref="Server"/> because its name is the machine's,
/// which differs where the file is imported.
/// </summary>
public sealed class HostNames
{
    public const string Server = "@server";
    private readonly Dictionary<int, string> _names;
    private readonly ILookup<string, int> _ids;

    private HostNames(IReadOnlyList<(int Id, string Name, bool IsServer)> hosts)
    {
        _names = hosts.ToDictionary(h => h.Id, h => h.IsServer ? Server : h.Name);
        _ids = _names.ToLookup(p => p.Value, p => p.Key, StringComparer.Ordinal);
    }

    public static async Task<HostNames> LoadAsync(ProbeDbContext db, CancellationToken cancellationToken)
    {
        var hosts = await db.Hosts.AsNoTracking().Select(h => new { h.Id, h.Name, h.IsServer }).ToListAsync(cancellationToken);
        return new HostNames(hosts.Select(h => (h.Id, h.Name, h.IsServer)).ToList());
    }

    public List<string> NamesOf(IEnumerable<int> ids) => [.. ids.Select(id => _names.GetValueOrDefault(id, $"#{id}")).Order(StringComparer.Ordinal)];

    /// <summary>Resolves names to ids, reporting unknown and ambiguous ones under <paramref name="where"/>.</summary>
    public List<int> IdsOf(IEnumerable<string>? names, string where, ImportContext context)
    {
        var ids = new List<int>();
        foreach (var name in names ?? [])
        {
            var matches = _ids[name].ToList();
            if (matches.Count == 1) ids.Add(matches[0]);
            else context.Error(where, matches.Count == 0 ? $"no host is named '{name}'" : $"several hosts are named '{name}'");
        }
        return ids;
    }
}
