using ProbeDashboard.Core.Compat.OpenApi;
using ProbeDashboard.Core.Notifications;
using ProbeDashboard.Core.Access;
using ProbeDashboard.Core.Auth;

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

    internal static async Task<IResult> CreateAlertGroup(HttpContext context, OpenApiUserService users, CancellationToken cancellationToken)
    {
        var request = OpenApiRequest.Of(context);
        var (user, code) = await request.ActingUserAsync(users, cancellationToken);
        if (user is null) return OpenApiReply.Error(code);
        var (email, phone) = (request.Get("alert_email"), request.Get("alert_phone"));
        if (email is null && phone is null) return OpenApiReply.Error(OpenApiCode.AlertGroupInvalid, "alert_email or alert_phone");
        var name = request.Get("name") ?? DefaultGroupName;
        if (name.Length > 100) return OpenApiReply.Error(OpenApiCode.AlertGroupInvalid, "name");

        var gid = OpenApiClient.NewPublicId();
        // Group names are unique across the dashboard; the owner and gid make this one so and tell operators whose it is.
        var storedName = $"{name} ({request.Origin(user)} {gid[..8]})";
        var input = new NotificationGroupInput(storedName[..Math.Min(storedName.Length, 200)],
            email is null ? [] : [email], [], phone is null ? [] : [phone]);
        // Seed 004 lets a client keep its own alert groups: the one notification group permission it holds.
        var actor = Actor.Client(ActorKind.OpenApiClient, $"{request.Caller.ApiId}/{user}", Permissions.AlertRulesWrite);
        var (outcome, problem) = await users.CreateAlertGroupAsync(actor, request.Caller, user, gid, input, cancellationToken);
        return outcome switch
        {
            OpenApiUserOutcome.Ok => OpenApiReply.Ok(new AlertGroupIdData(gid)),
            OpenApiUserOutcome.AlertGroupLimitReached => OpenApiReply.Error(OpenApiCode.AlertGroupLimitReached),
            _ => OpenApiReply.Error(OpenApiCode.AlertGroupInvalid, problem),
        };
    }

    internal static async Task<IResult> ListAlertGroups(HttpContext context, OpenApiUserService users, CancellationToken cancellationToken)
    {
        var request = OpenApiRequest.Of(context);
        var (user, code) = await request.ActingUserAsync(users, cancellationToken);
        if (user is null) return OpenApiReply.Error(code);
        var rows = await users.ListAlertGroupsAsync(request.Caller, user, cancellationToken);
        var items = rows.Select(r => new AlertGroupItem(DisplayName(r.Group.Name), r.Gid,
            r.Group.Recipients.Where(x => x.Channel == NotificationChannelKind.Sms).Select(x => x.Address).ToList(),
            r.Group.Recipients.Where(x => x.Channel == NotificationChannelKind.Email).Select(x => x.Address).ToList())).ToList();
        return OpenApiReply.Ok(items);
    }

    /// <summary>Partners only (-1); the e-mail must be valid (-2) and new for this partner (-3).</summary>
    internal static async Task<IResult> CreateUser(HttpContext context, OpenApiUserService users, CancellationToken cancellationToken)
    {
        var request = OpenApiRequest.Of(context);
        return await users.CreateUserAsync(request.ActorFor(request.Caller.Name), request.Caller, request.Get("email"), cancellationToken) switch
        {
            OpenApiUserOutcome.Ok => OpenApiReply.Ok(new Dictionary<string, object>()),
            OpenApiUserOutcome.NotPartner => OpenApiReply.Error(OpenApiCode.NoPermission),
            OpenApiUserOutcome.InvalidEmail => OpenApiReply.Error(OpenApiCode.BadUserName, "email"),
            _ => OpenApiReply.Error(OpenApiCode.UserExists),
        };
    }

    /// <summary>The name the client gave, without the owner suffix added for the dashboard.</summary>
    private static string DisplayName(string stored)
    {
        var suffix = stored.LastIndexOf(" (openapi:", StringComparison.Ordinal);
        return suffix > 0 ? stored[..suffix] : stored;
    }
}
