using System.Globalization;
using System.Text.RegularExpressions;

namespace Baocao.Index;

/// <summary>
/// Parses <c>--where</c>: comparisons of a table row's canonical values with numbers, joined by <c>and</c>:
/// <c>resolved.late&gt;10 and received.total&gt;=100</c>. Every condition must hold on the same row. Pure.
/// </summary>
public static partial class WhereParser
{
    public const string Grammar = "KEY OP NUMBER [and KEY OP NUMBER …], OP one of > >= < <= = !=, NUMBER like 10 or 2.5";

    /// <param name="text">The condition text.</param>
    /// <param name="keys">The keys a condition may name (the canonical vocabulary, and any other key the index holds).</param>
    public static IReadOnlyList<Condition> Parse(string text, IReadOnlyCollection<string> keys)
    {
        if (string.IsNullOrWhiteSpace(text)) throw Error(text, "it is empty");
        if (DanglingAnd().IsMatch(text.Trim())) throw Error(text, "'and' needs a condition on both sides");
        var parts = AndSplit().Split(text.Trim());
        var list = new List<Condition>();
        foreach (var raw in parts)
        {
            var part = raw.Trim();
            if (part.Length == 0 || DanglingAnd().IsMatch(part)) throw Error(text, "'and' needs a condition on both sides");
            var m = One().Match(part);
            if (!m.Success)
            {
                // Say which piece is wrong: the key, the operator or the number.
                var km = Regex.Match(part, @"^([A-Za-z_][\w.]*)\s*(.*)$");
                if (!km.Success) throw Error(text, $"'{part}' does not start with a key");
                var rest = km.Groups[2].Value;
                var om = Regex.Match(rest, @"^(>=|<=|!=|<>|==|>|<|=)\s*(.*)$");
                if (!om.Success) throw Error(text, $"'{part}' has no operator after '{km.Groups[1].Value}'");
                throw Error(text, $"'{part}' needs a number after '{om.Groups[1].Value}', not '{om.Groups[2].Value}'");
            }
            var key = m.Groups["key"].Value;
            if (!keys.Contains(key))
                throw new QueryException($"--where: unknown key '{key}' (valid keys: {string.Join(", ", keys)})");
            var op = m.Groups["op"].Value switch
            {
                ">" => CompareOp.Greater, ">=" => CompareOp.GreaterOrEqual, "<" => CompareOp.Less, "<=" => CompareOp.LessOrEqual,
                "=" or "==" => CompareOp.Equal, _ => CompareOp.NotEqual,
            };
            if (!decimal.TryParse(m.Groups["num"].Value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
                throw Error(text, $"the number '{m.Groups["num"].Value}' is too large");
            list.Add(new Condition(key, op, number));
        }
        return list;
    }

    private static QueryException Error(string text, string why) =>
        new($"--where '{text}' is malformed: {why} (form: {Grammar})");

    [GeneratedRegex(@"\s+and\s+", RegexOptions.IgnoreCase)]
    private static partial Regex AndSplit();

    [GeneratedRegex(@"(^and(\s|$))|(\sand$)", RegexOptions.IgnoreCase)]
    private static partial Regex DanglingAnd();

    [GeneratedRegex(@"^(?<key>[A-Za-z_][\w.]*)\s*(?<op>>=|<=|!=|<>|==|>|<|=)\s*(?<num>-?[0-9]+(?:\.[0-9]+)?)$")]
    private static partial Regex One();
}
