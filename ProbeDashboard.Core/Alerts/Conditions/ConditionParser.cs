namespace ProbeDashboard.Core.Alerts.Conditions;

/// <summary>
/// Recursive-descent parser for alert conditions:
/// <code>
/// or   := and (("||" | "or") and)*
/// and  := atom (("&amp;&amp;" | "and") atom)*
/// atom := "(" or ")" | metric op number
/// </code>
/// </summary>
public sealed class ConditionParser
{
    private readonly List<Token> _tokens;
    private readonly IReadOnlySet<string> _metrics;
    private readonly AlertRuleType _type;
    private int _next;

    private ConditionParser(List<Token> tokens, AlertRuleType type)
    {
        _tokens = tokens;
        _type = type;
        _metrics = AlertMetrics.For(type);
    }

    /// <exception cref="ConditionException">The condition is malformed or names a metric the rule type lacks.</exception>
    public static ConditionNode Parse(string? text, AlertRuleType type)
    {
        if (string.IsNullOrWhiteSpace(text)) throw new ConditionException("condition is empty", 0);
        var parser = new ConditionParser(ConditionTokenizer.Tokenize(text), type);
        var node = parser.ParseOr();
        var rest = parser.Peek;
        if (rest.Kind != TokenKind.End)
            throw new ConditionException(rest.Kind == TokenKind.CloseParen ? "unmatched ')'" : $"expected '&&' or '||' but found '{rest.Text}'", rest.Position);
        return node;
    }

    /// <summary>Parses without throwing; <paramref name="error"/> is null when the condition is valid.</summary>
    public static ConditionNode? TryParse(string? text, AlertRuleType type, out ConditionException? error)
    {
        try
        {
            error = null;
            return Parse(text, type);
        }
        catch (ConditionException e)
        {
            error = e;
            return null;
        }
    }

    private Token Peek => _tokens[_next];

    private Token Take() => _tokens[_next++];

    private ConditionNode ParseOr()
    {
        var left = ParseAnd();
        while (Peek.Kind == TokenKind.Or)
        {
            Take();
            left = new OrCondition(left, ParseAnd());
        }
        return left;
    }

    private ConditionNode ParseAnd()
    {
        var left = ParseAtom();
        while (Peek.Kind == TokenKind.And)
        {
            Take();
            left = new AndCondition(left, ParseAtom());
        }
        return left;
    }

    private ConditionNode ParseAtom()
    {
        var token = Take();
        if (token.Kind == TokenKind.OpenParen)
        {
            var inner = ParseOr();
            var close = Take();
            if (close.Kind != TokenKind.CloseParen) throw new ConditionException("expected ')'", close.Position);
            return inner;
        }
        if (token.Kind != TokenKind.Identifier) throw new ConditionException(Expected("metric", token), token.Position);
        if (!_metrics.Contains(token.Text))
        {
            var other = _type == AlertRuleType.HostMonitor ? AlertRuleType.ServiceProbe : AlertRuleType.HostMonitor;
            var reason = AlertMetrics.For(other).Contains(token.Text)
                ? $"metric '{token.Text}' does not apply to {AlertNames.Of(_type)} rules"
                : $"unknown metric '{token.Text}'";
            throw new ConditionException(reason, token.Position);
        }
        var op = Take();
        if (op.Kind != TokenKind.Comparison) throw new ConditionException(Expected("comparison operator", op), op.Position);
        var number = Take();
        if (number.Kind != TokenKind.Number) throw new ConditionException(Expected("number", number), number.Position);
        return new Comparison(token.Text, op.Text, number.Number);
    }

    private static string Expected(string what, Token found) =>
        found.Kind == TokenKind.End ? $"expected {what}" : $"expected {what} but found '{found.Text}'";
}
