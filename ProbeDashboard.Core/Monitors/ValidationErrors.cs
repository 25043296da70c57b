namespace ProbeDashboard.Core.Monitors;

/// <summary>Problems collected per field, in the order they were found.</summary>
internal sealed class ValidationErrors
{
    private readonly Dictionary<string, List<string>> _byField = new(StringComparer.Ordinal);

    public void Add(string field, string problem)
    {
        if (!_byField.TryGetValue(field, out var problems)) _byField[field] = problems = [];
        problems.Add(problem);
    }

    public IReadOnlyDictionary<string, string[]> ToDictionary() =>
        _byField.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);
}
