using System.Collections.Concurrent;
using ProbeDashboard.Realtime;

namespace ProbeDashboard.Monitors;

/// <summary>
/// The monitors list's first page, read as soon as the circuit creates the list. MudDataGrid asks for its rows only in
/// OnAfterRender, once its first render has reached the browser and come back; sign-in waited for that round trip and
/// then for the query. The events published while the read is under way are kept: a page that one of them concerns is
/// not shown (the grid reads afresh), so the list never shows less than a read of its own would have.
/// </summary>
public sealed class FirstPageHeadStart : IDisposable
{
    private readonly ConcurrentQueue<object> _since = new();
    private readonly IDisposable _watching;
    private readonly Task<MonitorListView> _read;

    public FirstPageHeadStart(StatusFeed feed, Func<Task<MonitorListView>> read)
    {
        // Listening first: an event published after the read began is then always in the queue.
        _watching = feed.Listen((object evt) => _since.Enqueue(evt));
        _read = read();
    }

    /// <summary>
    /// The page, or null when the read failed or an event since it began concerns one of its rows. <paramref name="show"/>
    /// hands the page's ids to the list's own listener before this one stops, so no event falls between the two.
    /// </summary>
    public async Task<MonitorListView?> TakeAsync(Action<IReadOnlySet<int>> show)
    {
        MonitorListView view;
        try
        {
            view = await _read;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Dispose();
            return null;
        }
        var ids = view.Page.Rows.Select(r => r.Id).ToHashSet();
        show(ids);
        Dispose();
        return _since.Any(evt => LiveEvents.ConcernsAny(evt, ids)) ? null : view;
    }

    public void Dispose() => _watching.Dispose();
}
