using ProbeDashboard.Core.Access;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Core.Compat.OpenApi;

namespace ProbeDashboard.Compat.OpenApi;

/// <summary>An authenticated call: who signed it and the parameters it signed (query and form together).</summary>
public sealed class OpenApiRequest(OpenApiCaller caller, IReadOnlyList<KeyValuePair<string, string>> parameters)
{
    public OpenApiCaller Caller { get; } = caller;

    public IReadOnlyList<KeyValuePair<string, string>> Parameters { get; } = parameters;

    public static OpenApiRequest Of(HttpContext context) =>
        context.Items[typeof(OpenApiRequest)] as OpenApiRequest
        ?? throw new InvalidOperationException("open-API handler reached without the authentication filter");

    /// <returns>The first value of the parameter, trimmed; null when absent or blank.</returns>
    public string? Get(string name)
    {
        var value = Parameters.FirstOrDefault(p => p.Key == name).Value?.Trim();
        return string.IsNullOrEmpty(value) ? null : value;
    }

    public IEnumerable<string> GetAll(string name) => Parameters.Where(p => p.Key == name).Select(p => p.Value);

    /// <summary>
    /// The user the call acts for, through Core's <see cref="OpenApiUserService"/>. Without <c>username</c> (or with the
    /// client's own name) that is the client's own account. Only a partner may name another user, and only one it
    /// created with <c>user/create</c>.
    /// </summary>
    /// <returns>The user name, or the seed's error code (-1 not a partner, -2 unknown user).</returns>
    public async Task<(string? UserName, int Code)> ActingUserAsync(OpenApiUserService users, CancellationToken cancellationToken)
    {
        var (user, outcome) = await users.ResolveUserAsync(Caller, Get("username"), cancellationToken);
        return outcome switch
        {
            OpenApiUserOutcome.Ok => (user, OpenApiCode.Ok),
            OpenApiUserOutcome.NotPartner => (null, OpenApiCode.NoPermission),
            _ => (null, OpenApiCode.BadUserName),
        };
    }

    /// <summary>The origin stamped on monitors this user creates, shown in the dashboard.</summary>
    public string Origin(string userName) => $"openapi:{Caller.ApiId}/{userName}";

    /// <summary>The client acting for <paramref name="userName"/>: seed 004 lets it manage its own tasks (monitors).</summary>
    public Actor ActorFor(string userName) => Actor.Client(ActorKind.OpenApiClient, $"{Caller.ApiId}/{userName}",
        Permissions.ServiceMonitorsRead, Permissions.ServiceMonitorsWrite);
}
