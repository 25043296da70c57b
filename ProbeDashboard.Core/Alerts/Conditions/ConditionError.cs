namespace ProbeDashboard.Core.Alerts.Conditions;

/// <summary>
/// Why a condition does not parse, and where. People count characters from 1, as editors do: the message, the
/// API's <c>position</c> and the UI all say <see cref="Column"/>; <see cref="Position"/> is the index for code.
/// </summary>
public sealed class ConditionException(string reason, int position)
    : Exception($"{reason} at character {position + 1}")
{
    public string Reason { get; } = reason;

    /// <summary>0-based index of the offending character in the condition text.</summary>
    public int Position { get; } = position;

    /// <summary>1-based character number of the offending character.</summary>
    public int Column => Position + 1;
}
