using Baocao.Text;

namespace Baocao.Checks;

/// <summary>A suspected misreading: the operand, the value one changed character gives, and the failing relations it reconciles.</summary>
public sealed record Proposal(Operand Operand, decimal Value, string Raw, IReadOnlyList<Relation> Resolved);

/// <summary>
/// Finds values that are probably misread: a doubtful value in a failing relation for which exactly one value,
/// reachable by changing one character of the printed text (a digit replaced, dropped or added, "." for ","),
/// satisfies every relation the value takes part in, the failing ones and the ones that held. Doubtful means read by
/// OCR with low confidence, or read with a flag ("7,099": a comma where a thousands group may be meant). When two
/// values could each reconcile the same failing relation, neither is proposed: the evidence does not say which.
/// The printed value is never replaced; the proposal is reported beside it.
/// </summary>
public static class MisreadingFinder
{
    private const string Digits = "0123456789";

    public static IReadOnlyList<Proposal> Find(IReadOnlyList<Relation> relations, IReadOnlyCollection<Relation> failing, double lowConfidence)
    {
        var proposals = new List<Proposal>();
        var suspects = failing.SelectMany(r => r.Operands)
            .Where(o => o.IsDoubtful(lowConfidence))
            .DistinctBy(o => o.Id)
            .ToList();
        foreach (var suspect in suspects)
        {
            var involved = relations.Where(r => r.Operands.Any(o => o.Id == suspect.Id)).ToList();
            var kind = NumberParser.ParseCell(suspect.Raw).Kind;
            var found = new Dictionary<decimal, string>();
            foreach (var raw in OneCharacterEdits(suspect.Raw))
            {
                var typed = NumberParser.ParseCell(raw);
                if (typed.Kind != kind || typed.Value is not { } v || typed.Flags.Count > 0 || v == suspect.Value) continue;
                if (found.ContainsKey(v)) continue;
                decimal Value(Operand o) => o.Id == suspect.Id ? v : o.Value ?? 0;
                if (involved.All(r => r.Evaluate(Value).Holds)) found[v] = raw;
            }
            // Two different values that both fit say nothing about which one was printed.
            if (found.Count != 1) continue;
            var (value, text) = found.First();
            proposals.Add(new Proposal(suspect, value, text, involved.Where(failing.Contains).ToList()));
        }
        return proposals.Where(p => p.Resolved.All(r => proposals.Count(q => q.Resolved.Contains(r)) == 1)).ToList();
    }

    /// <summary>Every text one character away: a digit replaced, a character dropped, a digit added, "." and "," swapped.</summary>
    public static IEnumerable<string> OneCharacterEdits(string raw)
    {
        var s = VietText.Clean(raw);
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (char.IsAsciiDigit(c))
                foreach (var d in Digits)
                    if (d != c) yield return s[..i] + d + s[(i + 1)..];
            if (c == '.') yield return s[..i] + ',' + s[(i + 1)..];
            if (c == ',') yield return s[..i] + '.' + s[(i + 1)..];
            if (s.Length > 1) yield return s[..i] + s[(i + 1)..];
        }
        for (var i = 0; i <= s.Length; i++)
            foreach (var d in Digits)
                yield return s[..i] + d + s[i..];
    }
}
