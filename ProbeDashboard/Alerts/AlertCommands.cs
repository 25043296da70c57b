using ProbeDashboard.Ui;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;
using ProbeDashboard.Core.Alerts.Engine;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Core.Storage;
using ProbeDashboard.Monitors;

namespace ProbeDashboard.Alerts;

/// <summary>
/// What operators do to alert events from the UI. Each call checks alert_events:write for the circuit's user on the
/// server, whatever the page showed, then goes through the engine's <see cref="AlertProcessor"/> as the API does.
/// </summary>
public sealed class AlertCommands(
    AuthenticationStateProvider authentication,
    IAuthorizationService authorization,
    IDbContextFactory<ProbeDbContext> dbFactory,
    AlertProcessor processor,
    ILogger<AlertCommands> logger)
{
    public async Task<bool> CanWriteAsync() => (await AuthorizeAsync()).Allowed;

    public async Task<CommandOutcome> AcknowledgeAsync(long eventId, string? note, CancellationToken cancellationToken) =>
        (await AcknowledgeManyAsync([eventId], note, cancellationToken)).FirstOrDefault() ?? CommandOutcome.Done;

    /// <summary>One outcome per id, in order; a resolved event among them does not stop the others.</summary>
    public async Task<IReadOnlyList<CommandOutcome>> AcknowledgeManyAsync(IReadOnlyList<long> eventIds, string? note, CancellationToken cancellationToken)
    {
        var (allowed, user) = await AuthorizeAsync();
        if (!allowed) return eventIds.Select(_ => Forbidden(user, "acknowledge")).ToList();
        if (note?.Length > AlertActors.MaxNoteLength) return eventIds.Select(_ => new CommandOutcome(false, "AlertNoteTooLong")).ToList();
        AlertActor actor;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
            actor = await AlertActors.OfAsync(user, db, cancellationToken);
        var outcomes = new List<CommandOutcome>();
        foreach (var id in eventIds)
            outcomes.Add(Of(await processor.AcknowledgeAsync(id, actor, note, cancellationToken)));
        return outcomes;
    }

    /// <param name="notifyOnResolve">Whether a recovery during the silence is still announced.</param>
    public async Task<CommandOutcome> SilenceAsync(long eventId, int durationSeconds, bool notifyOnResolve, CancellationToken cancellationToken)
    {
        var (allowed, user) = await AuthorizeAsync();
        if (!allowed) return Forbidden(user, "silence");
        if (durationSeconds < 1 || durationSeconds > AlertProcessor.MaxSilenceSeconds) return new CommandOutcome(false, "AlertSilenceOutOfRange");
        return Of(await processor.SilenceAsync(eventId, durationSeconds, notifyOnResolve, cancellationToken));
    }

    public async Task<CommandOutcome> LiftSilenceAsync(long eventId, CancellationToken cancellationToken)
    {
        var (allowed, user) = await AuthorizeAsync();
        if (!allowed) return Forbidden(user, "lift the silence of");
        return Of(await processor.LiftSilenceAsync(eventId, cancellationToken));
    }

    private CommandOutcome Forbidden(ClaimsPrincipal user, string action)
    {
        logger.LogWarning("User {UserName} may not {Action} alert events", user.Identity?.Name, action);
        return new CommandOutcome(false, "AlertProblemForbidden");
    }

    private async Task<(bool Allowed, ClaimsPrincipal User)> AuthorizeAsync()
    {
        var user = (await authentication.GetAuthenticationStateAsync()).User;
        var result = await authorization.AuthorizeAsync(user, Permissions.AlertEventsWrite);
        return (result.Succeeded, user);
    }

    /// <summary>The engine's conflict message ("alert event 5 is resolved") is shown as it is.</summary>
    private static CommandOutcome Of(AlertCommandResult result) => result.Outcome switch
    {
        AlertCommandOutcome.Done => CommandOutcome.Done,
        AlertCommandOutcome.NotFound => new CommandOutcome(false, "AlertProblemNotFound"),
        _ => new CommandOutcome(false, "AlertConflict", new Dictionary<string, string[]> { ["event"] = [result.Message] }),
    };
}
