using System.Linq.Expressions;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using ProbeDashboard.Auth;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Core.Events;
using ProbeDashboard.Core.Monitors;
using ProbeDashboard.Monitors.LiveCells;
using ProbeDashboard.Realtime;
using ProbeDashboard.Ui;

namespace ProbeDashboard.Monitors;

public partial class MonitorList
{
    [Inject] private MonitorQueries Queries { get; set; } = default!;
    [Inject] private MonitorListPageCache Pages { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;
    [Inject] private MonitorService Monitors { get; set; } = default!;
    [Inject] private CircuitActor Actor { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private StatusFeed Feed { get; set; } = default!;

    [Parameter] public ShownStatus? InitialStatus { get; set; }
    [Parameter] public bool OpenCreate { get; set; }

    // MudBlazor's PropertyColumn compiles its Property expression whenever it is handed a new instance, and a lambda
    // written in the markup is a new instance on every render. With live refreshes that was three compiled methods per
    // refresh per open dashboard, and the finalizer freeing them took half the server's CPU with 20 dashboards open.
    private static readonly Expression<Func<MonitorRow, MonitorStatus>> StatusProperty = m => m.Status;
    private static readonly Expression<Func<MonitorRow, string>> NameProperty = m => m.Name;
    private static readonly Expression<Func<MonitorRow, DateTime?>> LastProbeProperty = m => m.LastProbeAt;

    private MudDataGrid<MonitorRow>? _grid;
    private Dictionary<int, MonitorRow> _onScreen = [];
    /// <summary>The read behind the rows on screen: a live refresh reads it again to patch them (<see cref="PatchLiveCellsAsync"/>).</summary>
    private ShownPage? _shown;
    private readonly LiveRowCells _liveCells = new();
    private IReadOnlySet<int> _visibleIds = new HashSet<int>();
    private bool _loading = true;
    private bool _anyMonitors = true;
    private bool _canWrite;
    /// <summary>Set by a live refresh: its load may share a page read after the event (others read afresh).</summary>
    private bool _liveRefresh;
    /// <summary>The first page, read from the circuit's start; the grid's first load takes it.</summary>
    private FirstPageHeadStart? _headStart;
    private const int FirstPageSize = 20;

    private string? _search;
    private MonitorKind? _kind;
    private bool? _enabled;
    private ShownStatus? _status;

    private MonitorListFilter Filter => new(_search, _kind, _enabled, _status);

    private bool ShowFirstRunHelp => !_anyMonitors && Filter.IsEmpty;

    private string EnabledText(bool? enabled) => enabled switch { true => L["Enabled"], false => L["Disabled"], _ => L["All"] };

    protected override async Task OnInitializedAsync()
    {
        _status = InitialStatus;
        if (RendererInfo.IsInteractive)
            _headStart = new FirstPageHeadStart(Feed, async () => await Pages.GetAsync(await Actor.GetAsync(), Filter, SortOf(null), 0, FirstPageSize,
                Clock.GetTimestamp(), ComponentToken));
        _canWrite = await Actor.CanAsync(Permissions.ServiceMonitorsWrite);
        _anyMonitors = await Queries.AnyAsync(await Actor.GetAsync(), ComponentToken);
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender && OpenCreate && _canWrite && RendererInfo.IsInteractive)
            await CreateAsync();
    }

    protected override bool IsRelevant(object evt) => LiveEvents.ConcernsAny(evt, _visibleIds);

    // The grid draws its rows again itself when it reloads them; the filters and header around it have not changed.
    protected override bool RendersAfterRefresh => false;

    // A monitor going down, coming back or changing is drawn within a second. A result that changes no status (a new
    // heartbeat tick, the last-probe time) waits up to five: a page of 20 rows probed every 30 s hears about one result
    // every 1.5 s, and redrawing the grid for each on fifty open dashboards was most of the server's dashboard work.
    protected override TimeSpan RefreshInterval => TimeSpan.FromSeconds(1);
    protected override TimeSpan RoutineRefreshInterval => TimeSpan.FromSeconds(5);
    protected override bool IsUrgent(object evt) => evt is not ProbeResultsCommitted;

    protected override async Task RefreshAsync()
    {
        if (await PatchLiveCellsAsync()) return;
        _liveRefresh = true;
        await ReloadAsync();
    }

    private sealed record ShownPage(MonitorListFilter Filter, MonitorSort Sort, int Skip, int Take, int Total, IReadOnlyList<int> Ids);

    /// <summary>
    /// Most live refreshes bring a routine result: a new heartbeat tick, a later last probe. When a fresh read of the
    /// page on screen has the same rows in the same order, each with the same status, name and switch, only the cells
    /// that changed are drawn again, not the grid (it diffs its whole table whenever it draws, about 7 ms a time, on
    /// every open dashboard). False when anything else changed: the grid then reloads.
    /// </summary>
    private async Task<bool> PatchLiveCellsAsync()
    {
        if (_shown is not { } shown || shown.Filter != Filter) return false;
        MonitorListView view;
        try
        {
            view = await Pages.GetAsync(await Actor.GetAsync(), shown.Filter, shown.Sort, shown.Skip, shown.Take, LastRelevantEventAt, ComponentToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return false; // the grid's own load reads again and shows the error
        }
        var (page, rounds) = view;
        if (_shown != shown || page.Total != shown.Total || !page.Rows.Select(r => r.Id).SequenceEqual(shown.Ids)) return false;
        if (!page.Rows.All(r => _onScreen.TryGetValue(r.Id, out var row) && row.SameFrameAs(r))) return false;
        var changed = page.Rows.Where(r => _onScreen[r.Id].PatchLive(r, rounds.GetValueOrDefault(r.Id) ?? [])).Select(r => r.Id).ToList();
        _liveCells.Redraw(changed);
        return true;
    }

    private Task ReloadAsync() => _grid?.ReloadServerData() ?? Task.CompletedTask;

    /// <summary>One page through Core's list query (filtered, sorted and paged in SQL) with each row's heartbeats.</summary>
    private async Task<GridData<MonitorRow>> LoadAsync(GridState<MonitorRow> state, CancellationToken cancellationToken)
    {
        _loading = _onScreen.Count == 0;
        try
        {
            using var both = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, ComponentToken);
            var actor = await Actor.GetAsync();
            var notBefore = _liveRefresh ? LastRelevantEventAt : Clock.GetTimestamp();
            _liveRefresh = false;
            var (filter, sort, skip, take) = (Filter, SortOf(state.SortDefinitions.FirstOrDefault()), state.Page * state.PageSize, state.PageSize);
            var (page, rounds) = await TakeHeadStartAsync(state) ?? await Pages.GetAsync(actor, filter, sort, skip, take, notBefore, both.Token);
            // Rows already on screen are patched in place, so a click landing during a live refresh still hits its button.
            var rows = page.Rows.Select(r => (_onScreen.GetValueOrDefault(r.Id)?.CopyFrom(r) ?? MonitorRow.From(r))
                .WithRounds(rounds.GetValueOrDefault(r.Id) ?? [])).ToList();
            _onScreen = rows.ToDictionary(r => r.Id);
            _visibleIds = _onScreen.Keys.ToHashSet();
            _shown = new ShownPage(filter, sort, skip, take, page.Total, [.. page.Rows.Select(r => r.Id)]);
            var hadAny = _anyMonitors;
            if (Filter.IsEmpty) _anyMonitors = page.Total > 0;
            // The grid re-renders itself; the first-run help around it belongs to this component.
            if (hadAny != _anyMonitors) StateHasChanged();
            return new GridData<MonitorRow> { Items = rows, TotalItems = page.Total };
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Snackbar.Add($"{L["LoadFailed"]}: {ex.Message}", Severity.Error);
            return new GridData<MonitorRow> { Items = [], TotalItems = 0 };
        }
        finally
        {
            _loading = false;
        }
    }

    /// <summary>The page read from the circuit's start, when the grid's first load asks for that very page.</summary>
    private async Task<MonitorListView?> TakeHeadStartAsync(GridState<MonitorRow> state)
    {
        if (_headStart is not { } headStart) return null;
        _headStart = null;
        var asked = state.Page == 0 && state.PageSize == FirstPageSize && state.SortDefinitions.Count == 0
                    && Filter == new MonitorListFilter(Status: InitialStatus);
        if (asked) return await headStart.TakeAsync(ids => _visibleIds = ids);
        headStart.Dispose();
        return null;
    }

    public override void Dispose()
    {
        _headStart?.Dispose();
        base.Dispose();
    }

    // The grid names the sorted column by the row's property; only these columns sort (in SQL).
    private static MonitorSort SortOf(SortDefinition<MonitorRow>? sort)
    {
        var field = sort?.SortBy switch
        {
            nameof(MonitorRow.Status) => MonitorSortField.Status,
            nameof(MonitorRow.LastProbeAt) => MonitorSortField.LastProbe,
            nameof(MonitorRow.Name) => MonitorSortField.Name,
            _ => MonitorSortField.DownFirst,
        };
        return new MonitorSort(field, sort?.Descending == true);
    }

    private async Task FilterChangedAsync(Action change)
    {
        change();
        if (_grid is null) return;
        // A new filter starts at the first page.
        if (_grid.CurrentPage != 0) _grid.NavigateTo(Page.First);
        await _grid.ReloadServerData();
    }

    // The text field debounces typing, so a fast typist causes one query, not one per key.
    private Task SearchTyped(string? text) => FilterChangedAsync(() => _search = text);

    private async Task CreateAsync()
    {
        if (await MonitorEditDialog.OpenAsync(Dialogs, L, monitorId: null)) await ReloadAsync();
    }

    private async Task EditAsync(MonitorRow row)
    {
        if (await MonitorEditDialog.OpenAsync(Dialogs, L, row.Id)) await ReloadAsync();
    }

    private async Task ToggleAsync((MonitorRow Row, bool Enabled) toggle)
    {
        var (row, enabled) = toggle;
        var outcome = await CommandOutcome.RunAsync(async () =>
            MonitorOutcomes.Found(await Monitors.SetEnabledAsync(await Actor.GetAsync(), row.Id, enabled, ComponentToken)));
        if (outcome.Succeeded)
        {
            row.Enabled = enabled;
            Snackbar.Add(enabled ? L["MonitorEnabled", row.Name] : L["MonitorDisabled", row.Name], Severity.Success);
        }
        else
        {
            Snackbar.Add($"{L["SaveFailed"]}: {L[outcome.Message ?? "SaveFailed"]}", Severity.Error);
        }
        await ReloadAsync();
    }

    private async Task DeleteAsync(MonitorRow row)
    {
        if (!await MonitorConfirm.DeleteAsync(Dialogs, L, row.Name)) return;
        var outcome = await CommandOutcome.RunAsync(async () =>
            MonitorOutcomes.Found(await Monitors.DeleteAsync(await Actor.GetAsync(), row.Id, ComponentToken)));
        if (outcome.Succeeded)
            Snackbar.Add(L["MonitorDeleted", row.Name], Severity.Success);
        else
            Snackbar.Add($"{L["DeleteFailed"]}: {L[outcome.Message ?? "DeleteFailed"]}", Severity.Error);
        await ReloadAsync();
    }
}
