namespace ProbeDashboard.Core.Alerts.Conditions;

/// <summary>Why a condition does not parse, and where: <see cref="Position"/> is the 0-based character index.</summary>
public sealed class ConditionException(string reason, int position)
    : Exception($"{reason} at {position}")
{
    public string Reason { get; } = reason;
    public int Position { get; } = position;
}
