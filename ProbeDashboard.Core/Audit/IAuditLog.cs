using ProbeDashboard.Core.Access;

namespace ProbeDashboard.Core.Audit;

/// <summary>Records who did what. Core services call <see cref="Add"/>; the sign-in paths, <see cref="RecordAsAsync"/>.</summary>
public interface IAuditLog
{
    /// <summary>Records an action whose actor is not signed in yet (sign-ins, token requests), in its own transaction.</summary>
    Task RecordAsAsync(string actor, string action, string target, string? detail, CancellationToken cancellationToken);

    /// <summary>
    /// Adds the entry to <paramref name="db"/> without saving: the caller's SaveChanges (or transaction) commits it
    /// together with the change it describes, so a change is never stored without its entry, nor the reverse.
    /// </summary>
    void Add(Storage.ProbeDbContext db, Actor actor, string action, string target, string? detail);
}
