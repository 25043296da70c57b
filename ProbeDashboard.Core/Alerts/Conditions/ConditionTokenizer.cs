using System.Globalization;

namespace ProbeDashboard.Core.Alerts.Conditions;

internal enum TokenKind
{
    Identifier,
    Number,
    Comparison,
    And,
    Or,
    OpenParen,
    CloseParen,
    End,
}

internal readonly record struct Token(TokenKind Kind, string Text, int Position)
{
    public double Number => double.Parse(Text, NumberStyles.Float, CultureInfo.InvariantCulture);
}

/// <summary>Splits a condition into tokens, each remembering where it started for error messages.</summary>
internal static class ConditionTokenizer
{
    private static readonly string[] Comparisons = [">=", "<=", "==", "!=", ">", "<"];

    public static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c)) { i++; continue; }
            if (c == '(') { tokens.Add(new Token(TokenKind.OpenParen, "(", i++)); continue; }
            if (c == ')') { tokens.Add(new Token(TokenKind.CloseParen, ")", i++)); continue; }
            if (Matches(text, i, "&&")) { tokens.Add(new Token(TokenKind.And, "&&", i)); i += 2; continue; }
            if (Matches(text, i, "||")) { tokens.Add(new Token(TokenKind.Or, "||", i)); i += 2; continue; }
            var comparison = Comparisons.FirstOrDefault(op => Matches(text, i, op));
            if (comparison is not null) { tokens.Add(new Token(TokenKind.Comparison, comparison, i)); i += comparison.Length; continue; }
            if (char.IsDigit(c) || c == '.' || (c == '-' && i + 1 < text.Length && (char.IsDigit(text[i + 1]) || text[i + 1] == '.')))
            {
                tokens.Add(ReadNumber(text, ref i));
                continue;
            }
            if (char.IsLetter(c) || c == '_')
            {
                var start = i;
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '_')) i++;
                var word = text[start..i];
                var kind = word.ToLowerInvariant() switch { "and" => TokenKind.And, "or" => TokenKind.Or, _ => TokenKind.Identifier };
                tokens.Add(new Token(kind, word, start));
                continue;
            }
            throw new ConditionException($"unexpected character '{c}'", i);
        }
        tokens.Add(new Token(TokenKind.End, "", text.Length));
        return tokens;
    }

    private static bool Matches(string text, int at, string what) =>
        string.CompareOrdinal(text, at, what, 0, what.Length) == 0;

    private static Token ReadNumber(string text, ref int i)
    {
        var start = i;
        if (text[i] == '-') i++;
        while (i < text.Length && (char.IsDigit(text[i]) || text[i] == '.')) i++;
        if (i < text.Length && (text[i] == 'e' || text[i] == 'E'))
        {
            i++;
            if (i < text.Length && (text[i] == '+' || text[i] == '-')) i++;
            while (i < text.Length && char.IsDigit(text[i])) i++;
        }
        var literal = text[start..i];
        if (!double.TryParse(literal, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
            throw new ConditionException($"invalid number '{literal}'", start);
        return new Token(TokenKind.Number, literal, start);
    }
}
