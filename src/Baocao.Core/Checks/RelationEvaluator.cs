using Baocao.Reports;

namespace Baocao.Checks;

/// <summary>Evaluates relations into findings, and looks for misreadings behind the failing ones.</summary>
public static class RelationEvaluator
{
    public static List<Check> Evaluate(IReadOnlyList<Relation> relations, CheckOptions options, bool proposeMisreadings)
    {
        var outcomes = relations.Select(r => (Relation: r, Outcome: r.Evaluate())).ToList();
        var failing = outcomes.Where(x => !x.Outcome.Holds).Select(x => x.Relation).ToHashSet();
        var proposals = proposeMisreadings && options.ProposeMisreadings && failing.Count > 0
            ? MisreadingFinder.Find(relations, failing, options.LowConfidence)
            : [];
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
            if (proposals.FirstOrDefault(p => p.Resolved.Contains(r)) is { } p)
            {
                // The document may well be right: the failure is explained by a doubtful reading.
                severity = Severity.Rank(severity) < Severity.Rank(Severity.Warning) ? Severity.Warning : severity;
                message += $"; {p.Operand.Name} read as «{p.Operand.Raw}» may be a misreading of «{p.Raw}» ({CheckRule.Misreading})";
            }
            checks.Add(Finding(r, o, severity, message));
        }
        foreach (var p in proposals)
        {
            var place = p.Operand.Place;
            var statements = string.Join("; ", p.Resolved.Select(r => r.Statement).Distinct());
            checks.Add(new Check(CheckRule.Misreading, Severity.Warning,
                $"read as «{p.Operand.Raw}» {Doubt(p.Operand, options)}; «{p.Raw}» would satisfy every check it takes part in ({statements})",
                place.Page, place.Table, place.Row, place.Column, p.Operand.Value, p.Value)
            {
                File = place.File, RowIndex = place.RowIndex, ColumnNumber = place.ColumnNumber, Proposed = p.Value, Relation = statements,
            });
        }
        return checks;
    }

    private static string Doubt(Operand o, CheckOptions options) =>
        o.Confidence < options.LowConfidence
            ? $"with OCR confidence {o.Confidence.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)}"
            : $"(flagged {string.Join(", ", Text.NumberParser.ParseCell(o.Raw).Flags)})";

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
        };
    }
}
