using ProbeDashboard.Ui;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Core.Storage;
using ProbeDashboard.Monitors;

namespace ProbeDashboard.Alerts.Rules;

/// <summary>
/// The UI's changes to alert rules: alert_rules:write is checked on the server for the circuit's user, then the
/// API's own <see cref="AlertRuleStore"/> validates and saves.
/// </summary>
public sealed class AlertRuleCommands(
    AuthenticationStateProvider authentication,
    IAuthorizationService authorization,
    IDbContextFactory<ProbeDbContext> dbFactory,
    AlertRuleStore store,
    ILogger<AlertRuleCommands> logger)
{
    public async Task<bool> CanWriteAsync()
    {
        var user = (await authentication.GetAuthenticationStateAsync()).User;
        return (await authorization.AuthorizeAsync(user, Permissions.AlertRulesWrite)).Succeeded;
    }

    /// <param name="id">The rule to change, or null to create one.</param>
    public Task<CommandOutcome> SaveAsync(int? id, AlertRuleRequest request, CancellationToken cancellationToken) =>
        RunAsync("save", async db =>
        {
            var saved = await store.SaveAsync(db, id, request, cancellationToken);
            return saved.NotFound ? new CommandOutcome(false, "AlertRuleNotFound")
                : saved.Errors.Count > 0 ? new CommandOutcome(false, "ProblemInvalid", saved.Errors)
                : CommandOutcome.Done;
        }, cancellationToken);

    public Task<CommandOutcome> DeleteAsync(int id, CancellationToken cancellationToken) =>
        RunAsync("delete", async db => await store.DeleteAsync(db, id, cancellationToken)
            ? CommandOutcome.Done : new CommandOutcome(false, "AlertRuleNotFound"), cancellationToken);

    private async Task<CommandOutcome> RunAsync(string action, Func<ProbeDbContext, Task<CommandOutcome>> change, CancellationToken cancellationToken)
    {
        if (!await CanWriteAsync())
        {
            var user = (await authentication.GetAuthenticationStateAsync()).User;
            logger.LogWarning("User {UserName} may not {Action} alert rules", user.Identity?.Name, action);
            return new CommandOutcome(false, "AlertRulesForbidden");
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await change(db);
    }
}
