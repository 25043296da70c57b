using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using ProbeDashboard.Auth;
using ProbeDashboard.Core.Alerts.Engine;
using ProbeDashboard.Core.Storage;

namespace ProbeDashboard.Alerts;

/// <summary>The signed-in user as ack_user, for the API and the UI alike.</summary>
internal static class AlertActors
{
    /// <summary>Longest acknowledge note either channel accepts.</summary>
    public const int MaxNoteLength = 2000;

    /// <summary>Id from the token or cookie, name as stored (a renamed user acknowledges under the new name).</summary>
    public static async Task<AlertActor> OfAsync(ClaimsPrincipal user, ProbeDbContext db, CancellationToken cancellationToken)
    {
        var id = user.GetUserId() ?? throw new InvalidOperationException("an authenticated user without an id");
        var name = await db.Users.Where(u => u.Id == id).Select(u => u.UserName).SingleOrDefaultAsync(cancellationToken);
        return new AlertActor(id, name ?? user.Identity?.Name ?? "");
    }
}
