namespace ProbeDashboard.Monitors.LiveCells;

/// <summary>
/// The cells of a grid's rows that a live refresh redraws by themselves (heartbeat bar, last probe, the day's figures),
/// by row id. A routine result changes only these; redrawing them alone spares the grid, which diffs its whole table
/// whenever it draws (MudDataGrid cascades itself to every cell), on every open dashboard.
/// </summary>
public sealed class LiveRowCells
{
    private readonly Dictionary<int, HashSet<LiveRowCell>> _byRow = [];

    internal void Add(int rowId, LiveRowCell cell)
    {
        if (!_byRow.TryGetValue(rowId, out var cells)) _byRow[rowId] = cells = [];
        cells.Add(cell);
    }

    internal void Remove(int rowId, LiveRowCell cell)
    {
        if (_byRow.TryGetValue(rowId, out var cells) && cells.Remove(cell) && cells.Count == 0) _byRow.Remove(rowId);
    }

    /// <summary>Draws again the live cells of these rows, from the row objects they show (patched in place).</summary>
    public void Redraw(IEnumerable<int> rowIds)
    {
        foreach (var id in rowIds)
            if (_byRow.TryGetValue(id, out var cells))
                foreach (var cell in cells.ToList()) cell.Redraw();
    }
}
