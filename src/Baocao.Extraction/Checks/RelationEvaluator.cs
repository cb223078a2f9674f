using System.Globalization;
using Baocao.Reports;

namespace Baocao.Checks;

/// <summary>
/// Evaluates relations into findings, and tells a printed error from a reading doubt.
/// <para>
/// A failing relation that rests on a doubtful reading (see <see cref="Operand.IsDoubtful"/>) is a
/// <see cref="Severity.Doubt"/> with cause "reading", never an error: on a scan, one misread digit would otherwise
/// report every relation it takes part in as an error in the source. A doubtful value that a holding relation
/// confirms (the same digits add up elsewhere) is no longer doubtful, so a relation resting only on confirmed or
/// confident values stays an error or warning with cause "report": the printed errors are still found. When the
/// arithmetic points to one reading (a one-character misreading that satisfies every relation, or the one doubtful
/// value the failing sum needs), the finding names it.
/// </para>
/// </summary>
public static class RelationEvaluator
{
    /// <param name="confirmedElsewhere">Operand ids confirmed by relations evaluated apart (a report's own checks, for the checks across reports).</param>
    public static List<Check> Evaluate(IReadOnlyList<Relation> relations, CheckOptions options, bool proposeMisreadings, IReadOnlySet<string>? confirmedElsewhere = null)
    {
        var outcomes = relations.Select(r => (Relation: r, Outcome: r.Evaluate())).ToList();
        var failing = outcomes.Where(x => !x.Outcome.Holds).Select(x => x.Relation).ToHashSet();
        var proposals = proposeMisreadings && options.ProposeMisreadings && failing.Count > 0
            ? MisreadingFinder.Find(relations, failing, options.LowConfidence)
            : [];
        // Values that take part in a relation that holds: their reading is confirmed by the document's own arithmetic.
        var confirmed = Confirmed(outcomes.Where(x => x.Outcome.Holds).Select(x => x.Relation));
        if (confirmedElsewhere is not null) confirmed.UnionWith(confirmedElsewhere);
        var repairsConfirmed = outcomes.Where(x => x.Outcome.Holds && x.Relation.RepairedFrom is not null)
            .Select(x => (x.Relation.Place.Table, x.Relation.Statement)).ToHashSet();
        var checks = new List<Check>();
        foreach (var (r, o) in outcomes)
        {
            if (o.Holds)
            {
                if (o.Note is { } note) checks.Add(Finding(r, o, Severity.Info, $"{r.Statement}: {note} ({Relation.Num(o.Printed)} = {o.Detail})"));
                continue;
            }
            var message = Message(r, o);
            var severity = r.Severity;
            var cause = Cause.Report;
            decimal? proposed = null;
            if (proposals.FirstOrDefault(p => p.Resolved.Contains(r)) is { } p)
            {
                // The document may well be right: the failure is explained by a doubtful reading.
                severity = Severity.Doubt;
                cause = Cause.Reading;
                proposed = p.Value;
                message += $"; {p.Operand.Name} read as «{p.Operand.Raw}» may be a misreading of «{p.Raw}» ({CheckRule.Misreading}: read " +
                           Doubt(p.Operand, options).TrimStart('(').TrimEnd(')') +
                           (ReadAsThousands(p.Operand) == p.Value ? "; with comma thousands it is the value that holds" : "") + ")";
            }
            else if (r.Operands.Where(x => x.IsDoubtful(options.LowConfidence) && !confirmed.Contains(x.Id)).ToList() is { Count: > 0 } doubtful)
            {
                severity = Severity.Doubt;
                cause = Cause.Reading;
                message += "; it rests on " + string.Join(", ", doubtful.Select(d => $"{d.Name} read as «{d.Raw}» {Doubt(d, options)}"));
                if (doubtful.Count == 1 && Needed(r, o, doubtful[0]) is { } needed)
                {
                    proposed = needed;
                    message += $", which would be {Relation.Num(needed)} for the relation to hold" +
                               (ReadAsThousands(doubtful[0]) == needed ? $" (read with comma thousands, «{doubtful[0].Raw}» is {Relation.Num(needed)})" : "");
                }
            }
            else if (r.RepairedFrom is { } asRead)
            {
                // The relation is the repair's, not the print's: OCR read the formula «asRead». Holding on other rows of
                // the table confirms the repair (as a holding relation confirms a value); without that it is a doubt.
                if (repairsConfirmed.Contains((r.Place.Table, r.Statement)))
                    message += $"; the formula was read «{asRead}», repaired as it holds on the other rows";
                else
                {
                    severity = Severity.Doubt;
                    cause = Cause.Reading;
                    message += $"; the formula was read «{asRead}» and repaired (OCR); no other row confirms the repair";
                }
            }
            checks.Add(Finding(r, o, severity, message) with { Cause = cause, Proposed = proposed });
        }
        foreach (var p in proposals)
        {
            var place = p.Operand.Place;
            var statements = string.Join("; ", p.Resolved.Select(r => r.Statement).Distinct());
            checks.Add(new Check(CheckRule.Misreading, Severity.Doubt,
                $"read as «{p.Operand.Raw}» {Doubt(p.Operand, options)}; «{p.Raw}» would satisfy every check it takes part in ({statements})",
                place.Page, place.Table, place.Row, place.Column, p.Operand.Value, p.Value)
            {
                File = place.File, RowIndex = place.RowIndex, ColumnNumber = place.ColumnNumber, Proposed = p.Value, Relation = statements,
                Cause = Cause.Reading,
            });
        }
        return checks;
    }

    /// <summary>The printed values of relations that hold: the arithmetic confirms how they were read.</summary>
    public static HashSet<string> Confirmed(IEnumerable<Relation> holding) =>
        holding.SelectMany(r => r.Left.Concat(r.Right)).Where(o => o.IsPrinted).Select(o => o.Id).ToHashSet();

    /// <summary>
    /// The value the one doubtful operand of a failing sum would need for it to hold (its side's other terms as read);
    /// null for a ratio, a value on both sides, or a negative need (no reading can make it hold).
    /// </summary>
    private static decimal? Needed(Relation r, Outcome o, Operand d)
    {
        if (r.Kind != RelationKind.Sum || d.Value is not { } v) return null;
        var inLeft = r.Left.Count(x => x.Id == d.Id);
        var inRight = r.Right.Count(x => x.Id == d.Id);
        decimal needed;
        if (inLeft == 1 && inRight == 0) needed = o.Expected - (o.Printed - v);
        else if (inRight == 1 && inLeft == 0) needed = o.Printed - (o.Expected - v);
        else return null;
        return needed >= 0 && needed != v ? needed : null;
    }

    /// <summary>"1,572" read with its comma as a thousands separator (1572); null for any other text.</summary>
    private static decimal? ReadAsThousands(Operand d)
    {
        var s = Text.VietText.Clean(d.Raw).Replace(" ", "");
        return System.Text.RegularExpressions.Regex.IsMatch(s, @"^\d{1,3},\d{3}$")
            ? decimal.Parse(s.Replace(",", ""), CultureInfo.InvariantCulture)
            : null;
    }

    private static string Doubt(Operand o, CheckOptions options) =>
        o.Confidence < options.LowConfidence
            ? $"with OCR confidence {o.Confidence.ToString("0.00", CultureInfo.InvariantCulture)}"
            : $"(flagged {string.Join(", ", o.Flags)})";

    private static string Message(Relation r, Outcome o)
    {
        var printed = r.Left.Count > 1 ? $"{string.Join(" + ", r.Left.Select(x => Relation.Num(x.Value ?? 0)))} = {Relation.Num(o.Printed)}" : Relation.Num(o.Printed);
        return r.Kind == RelationKind.Ratio
            ? $"{r.Statement}: printed {printed}%, expected {Relation.Num(o.Expected)}% = 100 × {o.Detail}"
            : $"{r.Statement}: printed {printed}, expected {Relation.Num(o.Expected)} = {o.Detail}";
    }

    private static Check Finding(Relation r, Outcome o, string severity, string message)
    {
        var p = r.Place;
        return new Check(r.Rule, severity, message, p.Page, p.Table, p.Row, p.Column, o.Printed, o.Expected)
        {
            File = p.File, RowIndex = p.RowIndex, ColumnNumber = p.ColumnNumber, Relation = r.Statement, Related = r.Related,
            Reviewed = Reviewed(r),
        };
    }

    /// <summary>
    /// The reviewers' decisions a relation rests on ("(8) «181,22» → 181220; (9) «504» ✓"): its operands flagged by
    /// <see cref="Review.Apply"/>, each with its text as read; null when it rests on none (every extraction's checks).
    /// </summary>
    private static string? Reviewed(Relation r)
    {
        var reviewed = r.Operands.Where(o => o.Flags.Contains(Review.CorrectedFlag) || o.Flags.Contains(Review.ConfirmedFlag))
            .DistinctBy(o => o.Id)
            .Select(o => o.Flags.Contains(Review.CorrectedFlag) ? $"{o.Name} «{o.Raw}» → {Relation.Num(o.Value ?? 0)}" : $"{o.Name} «{o.Raw}» ✓")
            .ToList();
        return reviewed.Count == 0 ? null : string.Join("; ", reviewed);
    }
}
