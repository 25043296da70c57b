using System.Text.Json;
using ProbeDashboard.Core.Alerts.Evaluation;

namespace ProbeDashboard.Core.Alerts.Engine;

/// <summary>The engine's memory of one (rule, target): its state, its open event and the samples that led up to it.</summary>
internal sealed class TrackedAlert(AlertCandidate candidate)
{
    /// <summary>Samples kept from before an event opens, so its history shows what led to it.</summary>
    public const int SamplesBefore = 10;
    /// <summary>Most samples stored per event; enough for the chart, bounded so a long incident stays small.</summary>
    public const int MaxStoredSamples = 60;

    public AlertCandidate Candidate { get; set; } = candidate;
    public AlertState State { get; set; } = AlertState.Initial;
    public long? EventId { get; set; }
    public int StoredSamples { get; set; }
    public Queue<(DateTime Timestamp, string ValuesJson)> Recent { get; } = new();

    public void Remember(DateTime timestamp, string valuesJson)
    {
        Recent.Enqueue((timestamp, valuesJson));
        while (Recent.Count > SamplesBefore) Recent.Dequeue();
    }

    /// <summary>The metrics the condition reads, as a JSON object.</summary>
    public static string ValuesJson(AlertCandidate candidate, AlertTargetSample sample, bool withTimestamp)
    {
        var values = new Dictionary<string, object>();
        foreach (var metric in candidate.Node.Metrics)
            if (sample.Metrics.TryGetValue(metric, out var value)) values[metric] = value;
        if (withTimestamp) values["timestamp"] = sample.Timestamp;
        return JsonSerializer.Serialize(values);
    }
}

/// <summary>One evaluation's outcome waiting to be written: applied in order, so one batch may move a key twice.</summary>
internal sealed record PlannedStep(AlertKey Key, TrackedAlert Tracked, AlertCandidate Candidate, AlertStep Step, AlertTargetSample? Sample);
