using Microsoft.AspNetCore.Components;
using MudBlazor;
using ProbeDashboard.Auth;
using ProbeDashboard.Core.Alerts;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Realtime;
using ProbeDashboard.Ui;
using ProbeDashboard.Ui.Time;

namespace ProbeDashboard.Alerts.Events;

public partial class AlertEventList
{
    [Inject] private AlertEventService Events { get; set; } = default!;
    [Inject] private CircuitActor Actor { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private BrowserClock Clock { get; set; } = default!;

    /// <summary>Filters set by the link that opened the list; the pickers start from them.</summary>
    [Parameter] public AlertEventFilter InitialFilter { get; set; } = new();

    private MudDataGrid<AlertEventRow>? _grid;
    private IReadOnlyList<AlertEventRow> _rows = [];
    private bool _canWrite;
    private readonly HashSet<long> _selected = [];
    private IReadOnlyList<AlertChoice> _rules = [];
    private bool _bulkBusy;
    private int _bulkCount;
    private (Severity Severity, string Text)? _bulkResult;

    private AlertEventStatus? _status;
    private AlertLevel? _level;
    private bool? _acknowledged;
    private int? _ruleId;
    private AlertTargetType? _targetType;
    // Days picked in the browser's zone: from the start of the first day to the end of the last.
    private DateTime? _from;
    private DateTime? _to;

    private AlertEventFilter Filter => InitialFilter with
    {
        Status = _status, Level = _level, Acknowledged = _acknowledged, AlertRuleId = _ruleId, TargetType = _targetType,
        From = _from is { } from ? Clock.ToUtc(from.Date) : null, To = _to is { } to ? Clock.ToUtc(to.Date.AddDays(1)) : null,
    };

    protected override async Task OnInitializedAsync()
    {
        (_status, _level, _acknowledged, _ruleId, _targetType) =
            (InitialFilter.Status, InitialFilter.Level, InitialFilter.Acknowledged, InitialFilter.AlertRuleId, InitialFilter.TargetType);
        var actor = await Actor.GetAsync();
        _canWrite = actor.Can(Permissions.AlertEventsWrite);
        _rules = await Events.RuleChoicesAsync(actor, ComponentToken);
    }

    protected override bool IsRelevant(object evt) => evt is AlertEventChanged;

    protected override Task RefreshAsync() => ReloadAsync();

    /// <summary>One page through the Core query: the grid never holds more than the page it shows.</summary>
    private async Task<GridData<AlertEventRow>> LoadAsync(GridState<AlertEventRow> state, CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, ComponentToken);
        try
        {
            var (total, events) = await Events.ListAsync(await Actor.GetAsync(), Filter, state.Page * state.PageSize, state.PageSize, linked.Token);
            _rows = events.Select(AlertEventRow.Of).ToList();
            // A selection only makes sense for rows still open and unacknowledged on screen.
            _selected.IntersectWith(_rows.Where(r => r.IsOpen && !r.Acknowledged).Select(r => r.Id));
            return new GridData<AlertEventRow> { Items = _rows, TotalItems = total };
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Snackbar.Add($"{L["LoadFailed"]}: {ex.Message}", Severity.Error);
            return new GridData<AlertEventRow> { Items = [], TotalItems = 0 };
        }
    }

    private async Task FilterAsync(Action set)
    {
        set();
        _selected.Clear();
        // A new filter starts at its first page.
        _grid?.NavigateTo(Page.First);
        await ReloadAsync();
    }

    private void Select(long id, bool on)
    {
        if (on) _selected.Add(id); else _selected.Remove(id);
    }

    private async Task AcknowledgeAsync(AlertEventRow row)
    {
        if (await AcknowledgeDialog.AskAsync(Dialogs, L, L["AcknowledgeText", row.Title]) is not { } note) return;
        Report(await AlertOutcomeText.RunAsync(async () => await Events.AcknowledgeAsync(await Actor.GetAsync(), row.Id, note.Text, ComponentToken)),
            L["AlertAcknowledged", row.Title]);
        await ReloadAsync();
    }

    private async Task SilenceAsync(AlertEventRow row, int seconds)
    {
        Report(await AlertOutcomeText.RunAsync(async () =>
            await Events.SilenceAsync(await Actor.GetAsync(), row.Id, seconds, notifyOnResolve: true, ComponentToken)), L["AlertSilenced", row.Title]);
        await ReloadAsync();
    }

    /// <summary>A progress bar while the engine takes the events one by one, then a result message that stays until closed.</summary>
    private async Task AcknowledgeSelectedAsync()
    {
        var ids = _selected.ToList();
        if (await AcknowledgeDialog.AskAsync(Dialogs, L, L["AcknowledgeManyText", ids.Count]) is not { } note) return;
        (_bulkBusy, _bulkCount, _bulkResult) = (true, ids.Count, null);
        StateHasChanged();
        try
        {
            var outcomes = await AlertOutcomeText.RunManyAsync(ids.Count,
                async () => await Events.AcknowledgeManyAsync(await Actor.GetAsync(), ids, note.Text, ComponentToken));
            var failed = outcomes.Where(o => !o.Succeeded).ToList();
            _bulkResult = failed.Count == 0
                ? (Severity.Success, L["AlertsAcknowledged", ids.Count])
                : (Severity.Warning, $"{L["AlertsAcknowledgedPartly", ids.Count - failed.Count, failed.Count]}: {AlertOutcomeText.Of(L, failed[0])}");
        }
        finally
        {
            _bulkBusy = false;
        }
        _selected.Clear();
        await ReloadAsync();
    }

    private void Report(CommandOutcome outcome, string success)
    {
        if (outcome.Succeeded)
            Snackbar.Add(success, Severity.Success);
        else
            Snackbar.Add($"{L["SaveFailed"]}: {AlertOutcomeText.Of(L, outcome)}", Severity.Error);
    }

    private async Task ReloadAsync()
    {
        if (_grid is not null) await _grid.ReloadServerData();
    }
}
