using System.Globalization;

namespace Baocao.Checks;

public enum RelationKind
{
    /// <summary>Σ Left = Σ Right (at the rounding of the printed decimals).</summary>
    Sum,

    /// <summary>Left[0] (a percentage) = 100 · Σ Right / Σ denominator, for one of the candidate denominators, rounded or cut to the printed decimals.</summary>
    Ratio,
}

/// <summary>Another way a relation may hold. Without a note it holds silently (a different but legitimate counting); with one it gives an info finding that says so.</summary>
public sealed record Alternative(IReadOnlyList<Operand> Right, string? Note = null);

/// <summary>The result of evaluating a relation.</summary>
public readonly record struct Outcome(bool Holds, decimal Printed, decimal Expected, string? Note, string Detail);

/// <summary>
/// One arithmetic relation the document's figures should satisfy, built by a rule from the record: the operands on
/// each side, the rule and severity to report when it fails, and where to report it. Relations are data, so the
/// same evaluation serves every rule, the cross-report checks and the misreading search (which re-evaluates the
/// relations of one value with that value changed).
/// </summary>
public sealed record Relation(string Rule, string Severity, RelationKind Kind, IReadOnlyList<Operand> Left, IReadOnlyList<Operand> Right, string Statement, CheckPlace Place)
{
    /// <summary>Ratio only: candidate denominators, most likely first (a part's own group total, then the grand total …).</summary>
    public IReadOnlyList<IReadOnlyList<Operand>> Denominators { get; init; } = [];

    public IReadOnlyList<Alternative> Alternatives { get; init; } = [];

    /// <summary>Cross-report relations: the other report.</summary>
    public string? Related { get; init; }

    /// <summary>Set when the relation itself comes from a repaired OCR reading (a formula whose lost term was restored): what was read.</summary>
    public string? RepairedFrom { get; init; }

    public IEnumerable<Operand> Operands =>
        Left.Concat(Right).Concat(Denominators.SelectMany(d => d)).Concat(Alternatives.SelectMany(a => a.Right)).Distinct();

    public Outcome Evaluate() => Evaluate(o => o.Value ?? 0);

    /// <summary>Evaluates with the given values (the misreading search substitutes one).</summary>
    public Outcome Evaluate(Func<Operand, decimal> value)
    {
        var printed = Left.Sum(value);
        if (Kind == RelationKind.Ratio) return EvaluateRatio(value, printed);
        var decimals = Left.Concat(Right).Max(o => o.Decimals);
        // Each printed value may be off by half a unit of its last decimal: a sum of rounded shares ("8,11 + 2,7 + 2,7 +
        // 5,4" against "18,92") may differ by that much per term. Whole numbers must add up exactly.
        var tolerance = decimals == 0 ? 0m : (Left.Count + Right.Count) * 0.5m * Pow10(-decimals);
        var expected = Right.Sum(value);
        if (Math.Abs(printed - expected) <= tolerance) return new Outcome(true, printed, expected, null, "");
        foreach (var alt in Alternatives)
        {
            var other = alt.Right.Sum(value);
            if (Math.Abs(printed - other) <= tolerance) return new Outcome(true, printed, other, alt.Note, Terms(alt.Right, value));
        }
        return new Outcome(false, printed, expected, null, Terms(Right, value));
    }

    private Outcome EvaluateRatio(Func<Operand, decimal> value, decimal printed)
    {
        var decimals = Left[0].Decimals;
        var numerator = Right.Sum(value);
        decimal? expected = null;
        var detail = "";
        foreach (var d in Denominators)
        {
            var den = d.Sum(value);
            if (den == 0) continue;
            var ratio = 100m * numerator / den;
            if (Matches(printed, ratio, decimals)) return new Outcome(true, printed, Math.Round(ratio, decimals, MidpointRounding.AwayFromZero), null, "");
            if (expected is null)
            {
                expected = Math.Round(ratio, decimals, MidpointRounding.AwayFromZero);
                detail = $"{Num(numerator)} / {Num(den)} ({string.Join(" + ", d.Select(o => o.Name))})";
            }
        }
        // No usable denominator (all zero or none): nothing to compare.
        return expected is { } e ? new Outcome(false, printed, e, null, detail) : new Outcome(true, printed, printed, null, "");
    }

    /// <summary>
    /// A printed share matches a computed one when rounding it (half away from zero or to even) or cutting it to the
    /// printed number of decimals gives the printed value: documents do both, and drop trailing zeros ("2,7" for 2,70).
    /// </summary>
    public static bool Matches(decimal printed, decimal ratio, int decimals)
    {
        if (Math.Round(ratio, decimals, MidpointRounding.AwayFromZero) == printed) return true;
        if (Math.Round(ratio, decimals, MidpointRounding.ToEven) == printed) return true;
        var scale = Pow10(decimals);
        return Math.Truncate(ratio * scale) / scale == printed;
    }

    private static decimal Pow10(int n)
    {
        var r = 1m;
        for (var i = 0; i < Math.Abs(n); i++) r *= 10;
        return n >= 0 ? r : 1 / r;
    }

    private static string Terms(IReadOnlyList<Operand> ops, Func<Operand, decimal> value) =>
        ops.Count == 0 ? "0" : ops.Count <= 6 ? string.Join(" + ", ops.Select(o => Num(value(o)))) : $"the sum of {ops.Count} values";

    public static string Num(decimal v) => (v / 1.0000000000000000000000000000m).ToString(CultureInfo.InvariantCulture);
}
