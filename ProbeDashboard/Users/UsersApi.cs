using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using ProbeDashboard.Api;
using ProbeDashboard.Auth;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Core.Users;
using Change = Microsoft.AspNetCore.Http.HttpResults.Results<
    Microsoft.AspNetCore.Http.HttpResults.Ok<ProbeDashboard.Api.ApiEnvelope<ProbeDashboard.Users.UserResponse>>,
    Microsoft.AspNetCore.Http.HttpResults.BadRequest<ProbeDashboard.Api.ApiEnvelope>,
    Microsoft.AspNetCore.Http.HttpResults.NotFound<ProbeDashboard.Api.ApiEnvelope>,
    Microsoft.AspNetCore.Http.HttpResults.Conflict<ProbeDashboard.Api.ApiEnvelope>>;

namespace ProbeDashboard.Users;

/// <summary>User administration under /api/v1/users: administrators only.</summary>
public static class UsersApi
{
    private const string RoleProblem = "must be admin, operator or viewer";

    public static void MapUsersApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/users").RequireAuthorization(Permissions.Admin);
        group.MapGet("", ListUsers);
        group.MapGet("/{id:int}", GetUser);
        group.MapPost("", CreateUser);
        group.MapPut("/{id:int}/role", SetRole);
        group.MapPut("/{id:int}/password", ResetPassword);
        group.MapPatch("/{id:int}/toggle", ToggleUser);
    }

    internal static async Task<Ok<ApiEnvelope<List<UserResponse>>>> ListUsers(ClaimsPrincipal user, UserService accounts, TimeProvider time, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var actor = user.ToActor();
        var users = await accounts.ListAsync(actor, cancellationToken);
        var singleSignOn = await accounts.SingleSignOnUserIdsAsync(actor, cancellationToken);
        return TypedResults.Ok(ApiEnvelope.Ok(users.Select(u => UserResponse.From(u, now, singleSignOn)).ToList()));
    }

    internal static async Task<Results<Ok<ApiEnvelope<UserResponse>>, NotFound<ApiEnvelope>>> GetUser(
        int id, ClaimsPrincipal user, UserService accounts, TimeProvider time, CancellationToken cancellationToken) =>
        await accounts.FindAsync(user.ToActor(), id, cancellationToken) is { } found
            ? TypedResults.Ok(ApiEnvelope.Ok(UserResponse.From(found, time.GetUtcNow().UtcDateTime,
                await accounts.SingleSignOnUserIdsAsync(user.ToActor(), cancellationToken))))
            : TypedResults.NotFound(ApiEnvelope.Error(404, "user not found"));

    internal static async Task<Results<Created<ApiEnvelope<UserResponse>>, BadRequest<ApiEnvelope>, Conflict<ApiEnvelope>>> CreateUser(
        CreateUserRequest? request, ClaimsPrincipal user, UserService accounts, TimeProvider time)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request?.Username)) errors["username"] = ["is required"];
        if (string.IsNullOrEmpty(request?.Password)) errors["password"] = ["is required"];
        if (!UserRoles.TryParse(request?.Role, out var role)) errors["role"] = [RoleProblem];
        if (errors.Count > 0) return Invalid("invalid user", errors);

        var result = await accounts.CreateAsync(user.ToActor(), request!.Username!, request.Password!, role);
        if (result.User is not { } created)
            return result.Failure == UserChangeFailure.Conflict
                ? TypedResults.Conflict(ApiEnvelope.Error(409, result.Message))
                : Invalid(result.Message, result.Errors ?? new Dictionary<string, string[]>());
        return TypedResults.Created($"/api/v1/users/{created.Id}", ApiEnvelope.Ok(UserResponse.From(created, time.GetUtcNow().UtcDateTime, NoSingleSignOn)));
    }

    internal static async Task<Change> SetRole(int id, SetRoleRequest? request, ClaimsPrincipal user, UserService accounts, TimeProvider time)
    {
        if (!UserRoles.TryParse(request?.Role, out var role))
            return Invalid("invalid role", new Dictionary<string, string[]> { ["role"] = [RoleProblem] });
        return await AnswerAsync(await accounts.SetRoleAsync(user.ToActor(), id, role), accounts, user, time);
    }

    internal static async Task<Change> ResetPassword(int id, ResetPasswordRequest? request, ClaimsPrincipal user, UserService accounts, TimeProvider time)
    {
        if (string.IsNullOrEmpty(request?.Password))
            return Invalid("invalid password", new Dictionary<string, string[]> { ["password"] = ["is required"] });
        return await AnswerAsync(await accounts.ResetPasswordAsync(user.ToActor(), id, request.Password), accounts, user, time);
    }

    internal static async Task<Change> ToggleUser(int id, SetUserEnabledRequest? request, ClaimsPrincipal user, UserService accounts, TimeProvider time)
    {
        if (request?.Enable is not { } enable)
            return Invalid("invalid toggle", new Dictionary<string, string[]> { ["enable"] = ["is required (true or false)"] });
        return await AnswerAsync(await accounts.SetEnabledAsync(user.ToActor(), id, enable), accounts, user, time);
    }

    /// <summary>A user made through the API has a password and no link to an identity provider yet.</summary>
    private static readonly IReadOnlySet<int> NoSingleSignOn = new HashSet<int>();

    private static async Task<Change> AnswerAsync(UserChangeResult result, UserService accounts, ClaimsPrincipal user, TimeProvider time) =>
        result.User is { } changed
            ? TypedResults.Ok(ApiEnvelope.Ok(UserResponse.From(changed, time.GetUtcNow().UtcDateTime,
                await accounts.SingleSignOnUserIdsAsync(user.ToActor(), CancellationToken.None))))
            : Failure(result);

    private static Change Failure(UserChangeResult result) => result.Failure switch
    {
        UserChangeFailure.NotFound => TypedResults.NotFound(ApiEnvelope.Error(404, result.Message)),
        UserChangeFailure.Conflict => TypedResults.Conflict(ApiEnvelope.Error(409, result.Message)),
        _ => Invalid(result.Message, result.Errors ?? new Dictionary<string, string[]>()),
    };

    private static BadRequest<ApiEnvelope> Invalid(string message, IReadOnlyDictionary<string, string[]> errors) =>
        TypedResults.BadRequest(ApiEnvelope.Error(400, message, errors));
}
