namespace ProbeDashboard.Audit;

public static class AuditSetup
{
    /// <summary>GET /api/v1/audit-log (admins). Entries are written by the Core services, each with its actor.</summary>
    public static void MapAuditTrail(this WebApplication app) => app.MapAuditLogApi();
}
