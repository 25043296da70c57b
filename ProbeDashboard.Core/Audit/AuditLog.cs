using ProbeDashboard.Core.Access;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using ProbeDashboard.Core.Storage;

namespace ProbeDashboard.Core.Audit;

/// <summary>
/// Writes audit entries in their own short transaction after the change they describe. A failed write is logged
/// as an error and does not undo or fail the change that already happened.
/// </summary>
public sealed partial class AuditLog(IDbContextFactory<ProbeDbContext> dbFactory, TimeProvider time, ILogger<AuditLog> logger) : IAuditLog
{
    public async Task RecordAsAsync(string actor, string action, string target, string? detail, CancellationToken cancellationToken)
    {
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            db.AuditLog.Add(Entry(actor, action, target, detail));
            // The change is done; the record of it should not be lost because the caller went away.
            await db.SaveChangesAsync(CancellationToken.None);
        }
        catch (Exception e) when (e is DbUpdateException or InvalidOperationException)
        {
            LogWriteFailed(logger, e, action, target);
        }
    }

    public void Add(ProbeDbContext db, Actor actor, string action, string target, string? detail) =>
        db.AuditLog.Add(Entry(actor.Name, action, target, detail));

    private AuditEntry Entry(string actor, string action, string target, string? detail) => new()
    {
        Timestamp = time.GetUtcNow().UtcDateTime,
        Actor = Clip(actor)!,
        Action = Clip(action)!,
        Target = Clip(target)!,
        Detail = Clip(detail),
    };

    private static string? Clip(string? text) =>
        text is { Length: > AuditEntry.MaxTextLength } ? text[..AuditEntry.MaxTextLength] : text;

    [LoggerMessage(Level = LogLevel.Error, Message = "Audit entry {AuditAction} on {AuditTarget} could not be written")]
    private static partial void LogWriteFailed(ILogger logger, Exception error, string auditAction, string auditTarget);
}
