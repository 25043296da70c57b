using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using ProbeDashboard.Auth;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Core.Monitors;
using ProbeDashboard.Realtime;
using ProbeDashboard.Resources;
using ProbeDashboard.Ui;
using Radzen;
using Radzen.Blazor;

namespace ProbeDashboard.Monitors;

public partial class MonitorList
{
    private static readonly TimeSpan SearchDelay = TimeSpan.FromMilliseconds(350);

    [Inject] private MonitorQueries Queries { get; set; } = default!;
    [Inject] private MonitorService Monitors { get; set; } = default!;
    [Inject] private CircuitActor Actor { get; set; } = default!;
    [Inject] private DialogService Dialogs { get; set; } = default!;
    [Inject] private NotificationService Notifications { get; set; } = default!;

    [Parameter] public ShownStatus? InitialStatus { get; set; }
    [Parameter] public bool OpenCreate { get; set; }

    private RadzenDataGrid<MonitorRow>? _grid;
    // Null until the first load: the grid only asks LoadData for a page when it has no data at all.
    private IReadOnlyList<MonitorRow>? _rows;
    private HashSet<int> _visibleIds = [];
    private int _total;
    private bool _loading;
    private bool _anyMonitors = true;
    private bool _canWrite;
    private LoadDataArgs? _lastArgs;
    private CancellationTokenSource? _searchDebounce;

    private string? _search;
    private MonitorKind? _kind;
    private bool? _enabled;
    private ShownStatus? _status;

    private MonitorListFilter Filter => new(_search, _kind, _enabled, _status);

    private bool ShowFirstRunHelp => !_anyMonitors && Filter.IsEmpty;

    private sealed record Choice<T>(string Text, T Value);

    private IEnumerable<Choice<MonitorKind?>> KindChoices =>
        Enum.GetValues<MonitorKind>().Select(k => new Choice<MonitorKind?>(k.Label(), k));

    private IEnumerable<Choice<bool?>> EnabledChoices =>
        [new(L["Enabled"], true), new(L["Disabled"], false)];

    private IEnumerable<Choice<ShownStatus?>> StatusChoices =>
        Enum.GetValues<ShownStatus>().Select(s => new Choice<ShownStatus?>(L[s.TextKey()], s));

    protected override async Task OnInitializedAsync()
    {
        _status = InitialStatus;
        _canWrite = await Actor.CanAsync(Permissions.ServiceMonitorsWrite);
        _anyMonitors = await Queries.AnyAsync(await Actor.GetAsync(), ComponentToken);
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender && OpenCreate && _canWrite && RendererInfo.IsInteractive)
            await CreateAsync();
    }

    protected override bool IsRelevant(object evt) => LiveEvents.ConcernsAny(evt, _visibleIds);

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
            var page = await Queries.ListAsync(await Actor.GetAsync(), Filter, SortOf(args.Sorts?.FirstOrDefault()),
                args.Skip ?? 0, args.Top ?? 20, ComponentToken);
            var onScreen = _rows?.ToDictionary(r => r.Id);
            (_rows, _total) = (page.Rows.Select(r => onScreen?.GetValueOrDefault(r.Id)?.CopyFrom(r) ?? MonitorRow.From(r)).ToList(), page.Total);
            _visibleIds = page.Rows.Select(r => r.Id).ToHashSet();
            if (Filter.IsEmpty) _anyMonitors = page.Total > 0;
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

    // The grid names the sorted column by the row's property; only these columns sort (in SQL).
    private static MonitorSort SortOf(SortDescriptor? sort)
    {
        var field = sort?.Property switch
        {
            nameof(MonitorRow.Kind) => MonitorSortField.Kind,
            nameof(MonitorRow.IntervalSeconds) => MonitorSortField.Interval,
            nameof(MonitorRow.Status) => MonitorSortField.Status,
            nameof(MonitorRow.LastProbeAt) => MonitorSortField.LastProbe,
            nameof(MonitorRow.Target) => MonitorSortField.Target,
            nameof(MonitorRow.Name) => MonitorSortField.Name,
            _ => MonitorSortField.DownFirst,
        };
        return new MonitorSort(field, sort?.SortOrder == SortOrder.Descending);
    }

    private async Task FilterChangedAsync()
    {
        if (_grid is not null) await _grid.FirstPage(forceReload: true);
    }

    // Typing is debounced so a fast typist causes one query, not one per key.
    private void SearchTyped(string? text)
    {
        _search = text;
        _searchDebounce?.Cancel();
        var debounce = _searchDebounce = new CancellationTokenSource();
        _ = Task.Delay(SearchDelay, debounce.Token).ContinueWith(
            t => t.IsCanceled ? Task.CompletedTask : InvokeAsync(FilterChangedAsync), TaskScheduler.Default);
    }

    private async Task CreateAsync()
    {
        if (await MonitorEditDialog.OpenAsync(Dialogs, L, monitorId: null) && _grid is not null)
            await _grid.Reload();
    }

    private async Task EditAsync(MonitorRow row)
    {
        if (await MonitorEditDialog.OpenAsync(Dialogs, L, row.Id) && _grid is not null)
            await _grid.Reload();
    }

    private async Task ToggleAsync(MonitorRow row, bool enabled)
    {
        var outcome = await CommandOutcome.RunAsync(async () =>
            MonitorOutcomes.Found(await Monitors.SetEnabledAsync(await Actor.GetAsync(), row.Id, enabled, ComponentToken)));
        if (outcome.Succeeded)
        {
            row.Enabled = enabled;
            Notifications.Notify(NotificationSeverity.Success, enabled ? L["MonitorEnabled", row.Name] : L["MonitorDisabled", row.Name]);
        }
        else
        {
            Notifications.Notify(NotificationSeverity.Error, L["SaveFailed"], L[outcome.Message ?? "SaveFailed"]);
        }
        if (_grid is not null) await _grid.Reload();
    }

    private async Task DeleteAsync(MonitorRow row)
    {
        var confirmed = await Dialogs.Confirm(L["DeleteConfirmText", row.Name], L["DeleteConfirmTitle"],
            new ConfirmOptions { OkButtonText = L["Delete"], CancelButtonText = L["Cancel"] });
        if (confirmed != true) return;
        var outcome = await CommandOutcome.RunAsync(async () =>
            MonitorOutcomes.Found(await Monitors.DeleteAsync(await Actor.GetAsync(), row.Id, ComponentToken)));
        if (outcome.Succeeded)
            Notifications.Notify(NotificationSeverity.Success, L["MonitorDeleted", row.Name]);
        else
            Notifications.Notify(NotificationSeverity.Error, L["DeleteFailed"], L[outcome.Message ?? "DeleteFailed"]);
        if (_grid is not null) await _grid.Reload();
    }

    public override void Dispose()
    {
        _searchDebounce?.Cancel();
        base.Dispose();
    }
}
