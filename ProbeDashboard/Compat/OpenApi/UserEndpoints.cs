using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ProbeDashboard.Core.Access;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Core.Compat.OpenApi;
using ProbeDashboard.Core.Notifications;
using ProbeDashboard.Core.Notifications.Email;
using ProbeDashboard.Core.Storage;

namespace ProbeDashboard.Compat.OpenApi;

public sealed record AlertGroupIdData(string Gid);

public sealed record AlertGroupItem(string Name, string Gid, IReadOnlyList<string> Phones, IReadOnlyList<string> Emails);

/// <summary>
/// Seed 004 alert groups (each one a notification group with e-mail and SMS recipients, editable in the dashboard)
/// and the partner-only user/create.
/// </summary>
public static class UserEndpoints
{
    public const string DefaultGroupName = "默认告警组";

    public static void MapUserEndpoints(this RouteGroupBuilder group)
    {
        group.MapPost("/user/alert_group/", CreateAlertGroup);
        group.MapGet("/user/alert_group/", ListAlertGroups);
        group.MapPost("/user/create/", CreateUser);
    }

    internal static async Task<IResult> CreateAlertGroup(HttpContext context, ProbeDbContext db, NotificationGroupService groups,
        IOptions<OpenApiOptions> options, CancellationToken cancellationToken)
    {
        var request = OpenApiRequest.Of(context);
        var (user, code) = await request.ActingUserAsync(db, cancellationToken);
        if (user is null) return OpenApiReply.Error(code);
        var (email, phone) = (request.Get("alert_email"), request.Get("alert_phone"));
        if (email is null && phone is null) return OpenApiReply.Error(OpenApiCode.AlertGroupInvalid, "alert_email or alert_phone");
        var name = request.Get("name") ?? DefaultGroupName;
        if (name.Length > 100) return OpenApiReply.Error(OpenApiCode.AlertGroupInvalid, "name");
        var owned = db.OpenApiAlertGroups.Where(g => g.ClientId == request.Caller.ClientId && g.UserName == user);
        if (await owned.CountAsync(cancellationToken) >= options.Value.MaxAlertGroups) return OpenApiReply.Error(OpenApiCode.AlertGroupLimitReached);

        var gid = OpenApiClient.NewPublicId();
        // Group names are unique across the dashboard; the owner and gid make this one so and tell operators whose it is.
        var storedName = $"{name} ({request.Origin(user)} {gid[..8]})";
        var input = new NotificationGroupInput(storedName[..Math.Min(storedName.Length, 200)],
            email is null ? [] : [email], [], phone is null ? [] : [phone]);
        // Seed 004 lets a client keep its own alert groups: the one notification group permission it holds.
        var actor = Actor.Client(ActorKind.OpenApiClient, $"{request.Caller.ApiId}/{user}", Permissions.AlertRulesWrite);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var saved = await groups.SaveAsync(db, actor, null, input, cancellationToken);
        if (saved.Outcome != GroupChangeOutcome.Done) return OpenApiReply.Error(OpenApiCode.AlertGroupInvalid, saved.Message);
        db.OpenApiAlertGroups.Add(new OpenApiAlertGroup
        {
            Gid = gid,
            ClientId = request.Caller.ClientId,
            UserName = user,
            NotificationGroupId = saved.Group!.Id,
            CreatedAt = saved.Group.CreatedAt,
        });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return OpenApiReply.Ok(new AlertGroupIdData(gid));
    }

    internal static async Task<IResult> ListAlertGroups(HttpContext context, ProbeDbContext db, CancellationToken cancellationToken)
    {
        var request = OpenApiRequest.Of(context);
        var (user, code) = await request.ActingUserAsync(db, cancellationToken);
        if (user is null) return OpenApiReply.Error(code);
        var rows = await (from a in db.OpenApiAlertGroups.AsNoTracking()
                          join g in db.NotificationGroups.Include(g => g.Recipients) on a.NotificationGroupId equals g.Id
                          where a.ClientId == request.Caller.ClientId && a.UserName == user
                          orderby a.CreatedAt, a.Gid
                          select new { a.Gid, Group = g }).ToListAsync(cancellationToken);
        var items = rows.Select(r => new AlertGroupItem(DisplayName(r.Group.Name), r.Gid,
            r.Group.Recipients.Where(x => x.Channel == NotificationChannelKind.Sms).Select(x => x.Address).ToList(),
            r.Group.Recipients.Where(x => x.Channel == NotificationChannelKind.Email).Select(x => x.Address).ToList())).ToList();
        return OpenApiReply.Ok(items);
    }

    /// <summary>Partners only (-1); the e-mail must be valid (-2) and new for this partner (-3).</summary>
    internal static async Task<IResult> CreateUser(HttpContext context, ProbeDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var request = OpenApiRequest.Of(context);
        if (!request.Caller.IsPartner) return OpenApiReply.Error(OpenApiCode.NoPermission);
        var email = request.Get("email");
        if (email is null || email.Length > OpenApiClient.MaxNameLength || !EmailAddressSyntax.IsValid(email))
            return OpenApiReply.Error(OpenApiCode.BadUserName, "email");
        if (email == request.Caller.Name || await db.OpenApiUsers.AnyAsync(u => u.ClientId == request.Caller.ClientId && u.Email == email, cancellationToken))
            return OpenApiReply.Error(OpenApiCode.UserExists);
        db.OpenApiUsers.Add(new OpenApiUser { ClientId = request.Caller.ClientId, Email = email, CreatedAt = time.GetUtcNow().UtcDateTime });
        await db.SaveChangesAsync(cancellationToken);
        return OpenApiReply.Ok(new Dictionary<string, object>());
    }

    /// <summary>The name the client gave, without the owner suffix added for the dashboard.</summary>
    private static string DisplayName(string stored)
    {
        var suffix = stored.LastIndexOf(" (openapi:", StringComparison.Ordinal);
        return suffix > 0 ? stored[..suffix] : stored;
    }
}
