using ProbeDashboard.Ui;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using ProbeDashboard.Auth;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Core.Monitors;

namespace ProbeDashboard.Monitors;

/// <summary>
/// The UI's changes to monitors. Every call checks the signed-in user's permission on the server, whatever the
/// page showed, then goes through Core's <see cref="MonitorService"/> (the API's validation and events).
/// </summary>
public sealed class MonitorCommands(
    AuthenticationStateProvider authentication,
    IAuthorizationService authorization,
    MonitorService monitors,
    ILogger<MonitorCommands> logger)
{
    public const string Origin = "ui";

    public async Task<bool> CanWriteAsync() => (await AuthorizeAsync()).Allowed;

    public Task<CommandOutcome> CreateAsync(MonitorInput input, CancellationToken cancellationToken) =>
        RunAsync("create", async user => Saved(await monitors.CreateAsync(user.ToActor(), input, Origin, cancellationToken)));

    public Task<CommandOutcome> UpdateAsync(int id, MonitorInput input, CancellationToken cancellationToken) =>
        RunAsync("update", async user => Saved(await monitors.UpdateAsync(user.ToActor(), id, input, cancellationToken)));

    public Task<CommandOutcome> SetEnabledAsync(int id, bool enabled, CancellationToken cancellationToken) =>
        RunAsync("toggle", async user => Found(await monitors.SetEnabledAsync(user.ToActor(), id, enabled, cancellationToken)));

    public Task<CommandOutcome> DeleteAsync(int id, CancellationToken cancellationToken) =>
        RunAsync("delete", async user => Found(await monitors.DeleteAsync(user.ToActor(), id, cancellationToken)));

    private async Task<CommandOutcome> RunAsync(string action, Func<ClaimsPrincipal, Task<CommandOutcome>> change)
    {
        var (allowed, user) = await AuthorizeAsync();
        if (!allowed)
        {
            logger.LogWarning("User {UserName} may not {Action} monitors", user.Identity?.Name, action);
            return new CommandOutcome(false, "ProblemForbidden");
        }
        return await change(user);
    }

    private async Task<(bool Allowed, ClaimsPrincipal User)> AuthorizeAsync()
    {
        var user = (await authentication.GetAuthenticationStateAsync()).User;
        var result = await authorization.AuthorizeAsync(user, Permissions.ServiceMonitorsWrite);
        return (result.Succeeded, user);
    }

    private static CommandOutcome Saved(MonitorSaveResult result) =>
        result.NotFound ? new CommandOutcome(false, "ProblemNotFound")
        : result.Errors.Count > 0 ? new CommandOutcome(false, "ProblemInvalid", result.Errors)
        : CommandOutcome.Done;

    private static CommandOutcome Found(bool found) => found ? CommandOutcome.Done : new CommandOutcome(false, "ProblemNotFound");
}
