namespace ProbeDashboard.Core.Alerts.Conditions;

/// <summary>
/// A parsed condition. Evaluation is three-valued: <c>null</c> means "unknown" because a metric the
/// condition needs is missing from the sample; an unknown result must not move an alert's state.
/// And/or follow Kleene logic, so <c>false &amp;&amp; unknown</c> is false and <c>true || unknown</c> is true.
/// </summary>
public abstract record ConditionNode
{
    public abstract bool? Evaluate(IReadOnlyDictionary<string, double> metrics);

    /// <summary>Every metric the condition reads, for the current_value shown with an event.</summary>
    public abstract IEnumerable<string> Metrics { get; }
}

public sealed record Comparison(string Metric, string Operator, double Threshold) : ConditionNode
{
    public override bool? Evaluate(IReadOnlyDictionary<string, double> metrics)
    {
        if (!metrics.TryGetValue(Metric, out var value)) return null;
        return Operator switch
        {
            ">" => value > Threshold,
            ">=" => value >= Threshold,
            "<" => value < Threshold,
            "<=" => value <= Threshold,
            "==" => value == Threshold,
            _ => value != Threshold,
        };
    }

    public override IEnumerable<string> Metrics => [Metric];
}

public sealed record AndCondition(ConditionNode Left, ConditionNode Right) : ConditionNode
{
    public override bool? Evaluate(IReadOnlyDictionary<string, double> metrics)
    {
        var left = Left.Evaluate(metrics);
        if (left == false) return false;
        var right = Right.Evaluate(metrics);
        if (right == false) return false;
        return left == true && right == true ? true : null;
    }

    public override IEnumerable<string> Metrics => Left.Metrics.Concat(Right.Metrics).Distinct();
}

public sealed record OrCondition(ConditionNode Left, ConditionNode Right) : ConditionNode
{
    public override bool? Evaluate(IReadOnlyDictionary<string, double> metrics)
    {
        var left = Left.Evaluate(metrics);
        if (left == true) return true;
        var right = Right.Evaluate(metrics);
        if (right == true) return true;
        return left == false && right == false ? false : null;
    }

    public override IEnumerable<string> Metrics => Left.Metrics.Concat(Right.Metrics).Distinct();
}
