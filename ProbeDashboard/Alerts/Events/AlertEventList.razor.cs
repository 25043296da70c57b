using ProbeDashboard.Ui;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using ProbeDashboard.Auth;
using ProbeDashboard.Core.Alerts;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Realtime;
using ProbeDashboard.Ui.Time;
using Radzen;
using Radzen.Blazor;

namespace ProbeDashboard.Alerts.Events;

public partial class AlertEventList
{
    [Inject] private AlertEventService Events { get; set; } = default!;
    [Inject] private CircuitActor Actor { get; set; } = default!;
    [Inject] private DialogService Dialogs { get; set; } = default!;
    [Inject] private ContextMenuService ContextMenu { get; set; } = default!;
    [Inject] private NotificationService Notifications { get; set; } = default!;
    [Inject] private BrowserClock Clock { get; set; } = default!;

    /// <summary>Filters set by the link that opened the list; the pickers start from them.</summary>
    [Parameter] public AlertEventFilter InitialFilter { get; set; } = new();

    private RadzenDataGrid<AlertEventRow>? _grid;
    // Null until the first load: the grid only asks LoadData for a page when it has no data at all.
    private IReadOnlyList<AlertEventRow>? _rows;
    private int _total;
    private bool _loading;
    private bool _canWrite;
    private LoadDataArgs? _lastArgs;
    private readonly HashSet<long> _selected = [];
    private IReadOnlyList<AlertChoice> _rules = [];

    private AlertEventStatus? _status;
    private AlertLevel? _level;
    private bool? _acknowledged;
    private int? _ruleId;
    private AlertTargetType? _targetType;
    private DateTime? _from;
    private DateTime? _to;

    private AlertEventFilter Filter => InitialFilter with
    {
        Status = _status, Level = _level, Acknowledged = _acknowledged, AlertRuleId = _ruleId, TargetType = _targetType,
        From = _from is { } from ? Clock.ToUtc(from) : null, To = _to is { } to ? Clock.ToUtc(to) : null,
    };

    private sealed record Choice<T>(string Text, T Value);

    private IEnumerable<Choice<AlertEventStatus?>> StatusChoices =>
        Enum.GetValues<AlertEventStatus>().Select(s => new Choice<AlertEventStatus?>(L[AlertLevels.TextKey(s)], s));

    private IEnumerable<Choice<AlertLevel?>> LevelChoices =>
        Enum.GetValues<AlertLevel>().Select(l => new Choice<AlertLevel?>(L[AlertLevels.TextKey(l)], l));

    private IEnumerable<Choice<bool?>> AckChoices => [new(L["Yes"], true), new(L["No"], false)];

    private IEnumerable<Choice<int?>> RuleChoices => _rules.Select(r => new Choice<int?>(r.Name, r.Id));

    private IEnumerable<Choice<AlertTargetType?>> TargetTypeChoices =>
        Enum.GetValues<AlertTargetType>().Select(t => new Choice<AlertTargetType?>(L["TargetType" + t], t));

    protected override async Task OnInitializedAsync()
    {
        (_status, _level, _acknowledged, _ruleId, _targetType) =
            (InitialFilter.Status, InitialFilter.Level, InitialFilter.Acknowledged, InitialFilter.AlertRuleId, InitialFilter.TargetType);
        var actor = await Actor.GetAsync();
        _canWrite = actor.Can(Permissions.AlertEventsWrite);
        _rules = await Events.RuleChoicesAsync(actor, ComponentToken);
    }

    protected override bool IsRelevant(object evt) => evt is AlertEventChanged;

    protected override async Task RefreshAsync()
    {
        if (_lastArgs is not null) await LoadDataAsync(_lastArgs);
    }

    private async Task LoadDataAsync(LoadDataArgs args)
    {
        _lastArgs = args;
        _loading = true;
        try
        {
            var (total, events) = await Events.ListAsync(await Actor.GetAsync(), Filter, args.Skip ?? 0, args.Top ?? 20, ComponentToken);
            (_rows, _total) = (events.Select(AlertEventRow.Of).ToList(), total);
            // A selection only makes sense for rows still open and unacknowledged on screen.
            _selected.IntersectWith(_rows.Where(r => r.IsOpen && !r.Acknowledged).Select(r => r.Id));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Notifications.Notify(NotificationSeverity.Error, L["LoadFailed"], ex.Message);
        }
        finally
        {
            _loading = false;
        }
    }

    private async Task FilterChangedAsync()
    {
        if (_grid is not null) await _grid.FirstPage(forceReload: true);
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

    private async Task AcknowledgeSelectedAsync()
    {
        var ids = _selected.ToList();
        if (await AcknowledgeDialog.AskAsync(Dialogs, L, L["AcknowledgeManyText", ids.Count]) is not { } note) return;
        var outcomes = await AlertOutcomeText.RunManyAsync(ids.Count,
            async () => await Events.AcknowledgeManyAsync(await Actor.GetAsync(), ids, note.Text, ComponentToken));
        var failed = outcomes.Count(o => !o.Succeeded);
        if (failed == 0)
            Notifications.Notify(NotificationSeverity.Success, L["AlertsAcknowledged", ids.Count]);
        else
            Notifications.Notify(NotificationSeverity.Warning, L["AlertsAcknowledgedPartly", ids.Count - failed, failed],
                AlertOutcomeText.Of(L, outcomes.First(o => !o.Succeeded)));
        _selected.Clear();
        await ReloadAsync();
    }

    private void OpenSilenceMenu(MouseEventArgs args, AlertEventRow row)
    {
        var items = SilencePresets.All.Select(p => new ContextMenuItem { Text = L[p.TextKey], Value = p.Seconds }).ToList();
        ContextMenu.Open(args, items, async item =>
        {
            ContextMenu.Close();
            if (item.Value is not int seconds) return;
            Report(await AlertOutcomeText.RunAsync(async () =>
                await Events.SilenceAsync(await Actor.GetAsync(), row.Id, seconds, notifyOnResolve: true, ComponentToken)), L["AlertSilenced", row.Title]);
            await ReloadAsync();
        });
    }

    private void Report(CommandOutcome outcome, string success)
    {
        if (outcome.Succeeded)
            Notifications.Notify(NotificationSeverity.Success, success);
        else
            Notifications.Notify(NotificationSeverity.Error, L["SaveFailed"], AlertOutcomeText.Of(L, outcome));
    }

    private async Task ReloadAsync()
    {
        if (_grid is not null) await _grid.Reload();
    }
}
