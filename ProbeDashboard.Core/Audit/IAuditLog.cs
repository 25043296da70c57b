namespace ProbeDashboard.Core.Audit;

/// <summary>Records who did what; called by the command paths the API and the UI share.</summary>
public interface IAuditLog
{
    /// <summary>Records <paramref name="action"/> by the ambient <see cref="AuditActor.Current"/>.</summary>
    Task RecordAsync(string action, string target, string? detail, CancellationToken cancellationToken);

    /// <summary>Records an action whose actor is not signed in yet (sign-ins, token requests).</summary>
    Task RecordAsAsync(string actor, string action, string target, string? detail, CancellationToken cancellationToken);

    /// <summary>
    /// Records through the caller's context, so inside the caller's transaction: a second connection would wait
    /// on that transaction's write lock until the busy timeout.
    /// </summary>
    Task RecordAsync(Storage.ProbeDbContext db, string action, string target, string? detail, CancellationToken cancellationToken);

    /// <summary>
    /// Adds the entry to <paramref name="db"/> without saving: the caller's SaveChanges (or transaction) commits it
    /// together with the change it describes, so a change is never stored without its entry, nor the reverse.
    /// </summary>
    void Add(Storage.ProbeDbContext db, Access.Actor actor, string action, string target, string? detail);
}
