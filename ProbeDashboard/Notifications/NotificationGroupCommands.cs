using ProbeDashboard.Ui;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Core.Storage;
using ProbeDashboard.Monitors;

namespace ProbeDashboard.Notifications;

/// <summary>
/// The UI's changes to notification groups. Groups are alert configuration, so alert_rules:write is checked on the
/// server for the circuit's user (as the API does), then the API's own <see cref="NotificationGroupStore"/> runs.
/// </summary>
public sealed class NotificationGroupCommands(
    AuthenticationStateProvider authentication,
    IAuthorizationService authorization,
    IDbContextFactory<ProbeDbContext> dbFactory,
    NotificationGroupStore store,
    ILogger<NotificationGroupCommands> logger)
{
    public async Task<bool> CanWriteAsync()
    {
        var user = (await authentication.GetAuthenticationStateAsync()).User;
        return (await authorization.AuthorizeAsync(user, Permissions.AlertRulesWrite)).Succeeded;
    }

    /// <param name="id">The group to change, or null to create one.</param>
    public Task<CommandOutcome> SaveAsync(int? id, NotificationGroupRequest request, CancellationToken cancellationToken) =>
        RunAsync("save", db => store.SaveAsync(db, id, request, cancellationToken), cancellationToken);

    public Task<CommandOutcome> DeleteAsync(int id, CancellationToken cancellationToken) =>
        RunAsync("delete", db => store.DeleteAsync(db, id, cancellationToken), cancellationToken);

    public Task<CommandOutcome> SendTestAsync(int id, CancellationToken cancellationToken) =>
        RunAsync("test", db => store.SendTestAsync(db, id, cancellationToken), cancellationToken);

    private async Task<CommandOutcome> RunAsync(string action, Func<ProbeDbContext, Task<GroupChangeResult>> change, CancellationToken cancellationToken)
    {
        if (!await CanWriteAsync())
        {
            var user = (await authentication.GetAuthenticationStateAsync()).User;
            logger.LogWarning("User {UserName} may not {Action} notification groups", user.Identity?.Name, action);
            return new CommandOutcome(false, "AlertRulesForbidden");
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var result = await change(db);
        return result.Outcome switch
        {
            GroupChangeOutcome.Done => CommandOutcome.Done,
            GroupChangeOutcome.Invalid => new CommandOutcome(false, "ProblemInvalid", result.Errors),
            GroupChangeOutcome.NotFound => new CommandOutcome(false, "NotificationGroupNotFound"),
            _ => new CommandOutcome(false, "AlertConflict", new Dictionary<string, string[]> { ["group"] = [result.Message] }),
        };
    }
}
