namespace ProbeDashboard.Realtime.Feeds;

/// <summary>Turns one bus event into the seed 001 §5 messages it means (none, one, or one per result).</summary>
public interface IRealtimeMapper<in TEvent>
{
    IEnumerable<RealtimePush> Map(TEvent evt);
}
