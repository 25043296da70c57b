namespace ProbeDashboard.Hosts.Detail;

/// <summary>The addresses an agent reports in one free-text field (seed 003's <c>network</c>), one per entry.</summary>
public static class HostAddresses
{
    private static readonly char[] Separators = [',', ';', '|', ' ', '\t', '\r', '\n'];

    /// <returns>Each address once, in the order the agent sent them; empty when it sent none.</returns>
    public static IReadOnlyList<string> Split(string? network) =>
        string.IsNullOrWhiteSpace(network) ? []
            : network.Split(Separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal).ToList();
}
