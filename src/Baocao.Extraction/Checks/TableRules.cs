using System.Globalization;
using System.Text.RegularExpressions;
using Baocao.Reports;
using Baocao.Text;

namespace Baocao.Checks;

/// <summary>
/// Checks within one table: every declared formula column on every row; canonical identities where the form prints
/// no formula; received = resolved + pending; the totals row against the item rows and each group row against its
/// sub-rows (a group is counted once: its printed value, or its children when it prints none); the "Tỷ lệ %" row
/// against the ratios of the totals row. Quiet without evidence: blank and "-" cells count as 0 but are never
/// checked themselves, marks and text stop a relation, ratio columns are never summed.
/// </summary>
public sealed partial class TableRules : ICheckRule
{
    public IEnumerable<Relation> Relations(RecordView view)
    {
        foreach (var t in view.Record.Tables)
        {
            foreach (var r in Formulas(view, t)) yield return r;
            foreach (var r in Identities(view, t)) yield return r;
            foreach (var r in Balances(view, t)) yield return r;
            foreach (var r in TotalsAndGroups(view, t)) yield return r;
            foreach (var r in PercentRow(view, t)) yield return r;
        }
    }

    /// <summary>A declared formula: its column and its terms' columns; null when a term's number is not a column of the table.</summary>
    public sealed record Formula(TableColumn Column, IReadOnlyList<TableColumn> Terms, string Text);

    /// <summary>The formulas of a table, from the column-number row ("(3)=(4)+(5)+(6)"); only sums of columns.</summary>
    public static IReadOnlyList<Formula> Formulas(ReportTable t)
    {
        var byNumber = t.Columns.Where(c => c.Number is not null).GroupBy(c => c.Number!.Value).Where(g => g.Count() == 1).ToDictionary(g => g.Key, g => g.First());
        var list = new List<Formula>();
        foreach (var c in t.Columns)
        {
            if (c.Formula is not { } f || c.Number is null) continue;
            if (!SumOfColumns().IsMatch(f.Replace(" ", ""))) continue;
            var numbers = ColumnRef().Matches(f).Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToList();
            if (numbers.Count < 2 || numbers[0] != c.Number) continue;
            var terms = numbers.Skip(1).Select(n => byNumber.GetValueOrDefault(n)).ToList();
            if (terms.Any(x => x is null) || terms.Any(x => x!.Index == c.Index)) continue;
            list.Add(new Formula(c, terms!, f));
        }
        return list;
    }

    private static IEnumerable<TableRow> ArithmeticRows(ReportTable t) => t.Rows.Where(r => r.Kind is "item" or "group" or "total");

    private static IEnumerable<Relation> Formulas(RecordView view, ReportTable t)
    {
        foreach (var f in Formulas(t))
        {
            var run = view.Record.Source.Ocr ? SkippedRun(t, f) : null;
            foreach (var row in ArithmeticRows(t))
            {
                var target = view.Cell(t, row, f.Column);
                if (!target.IsPrinted) continue;
                var terms = f.Terms.Select(c => view.Cell(t, row, c)).ToList();
                if (terms.Any(o => o.Value is null)) continue;
                var alternatives = new List<Alternative>();
                if (run is not null && run.Select(c => view.Cell(t, row, c)).ToList() is var whole && whole.All(o => o.Value is not null))
                    alternatives.Add(new Alternative(whole,
                        $"the formula was read «{f.Text}» (OCR), leaving out {string.Join(", ", run.Except(f.Terms).Select(RecordView.ColumnName))}; with every column of the run it holds, so a term was likely lost in reading"));
                yield return new Relation(CheckRule.Formula, Severity.Error, RelationKind.Sum, [target], terms, f.Text, target.Place)
                {
                    RepairedFrom = f.Column.FormulaAsRead,
                    Alternatives = alternatives,
                };
            }
        }
    }

    /// <summary>
    /// On a scan, a formula whose terms skip columns printed between them ("(7)=(8)+(10)" in a table with a column (9)):
    /// OCR loses a "+(9)" more often than a form leaves a column out. The whole run of columns, or null when the terms
    /// are a run already, the formula's own column sits inside it, or a column of the run is missing.
    /// </summary>
    private static List<TableColumn>? SkippedRun(ReportTable t, Formula f)
    {
        var numbers = f.Terms.Select(c => c.Number!.Value).ToList();
        int lo = numbers.Min(), hi = numbers.Max();
        if (hi - lo + 1 == numbers.Count || f.Column.Number is { } n && n >= lo && n <= hi) return null;
        var byNumber = t.Columns.Where(c => c.Number is not null).GroupBy(c => c.Number!.Value).Where(g => g.Count() == 1).ToDictionary(g => g.Key, g => g.First());
        var run = new List<TableColumn>();
        for (var k = lo; k <= hi; k++)
        {
            if (!byNumber.TryGetValue(k, out var c)) return null;
            run.Add(c);
        }
        return run;
    }

    /// <summary>Canonical identities on tables whose total columns declare no formula (Thông tư 02/2017 forms print none).</summary>
    private static IEnumerable<Relation> Identities(RecordView view, ReportTable t)
    {
        var declared = Formulas(t).Select(f => f.Column.Index).ToHashSet();
        foreach (var (key, ways) in RecordView.Parts)
        {
            if (RecordView.Column(t, key) is not { } col || declared.Contains(col.Index)) continue;
            var parts = ways.FirstOrDefault(w => w.All(p => RecordView.Column(t, p) is not null));
            if (parts is null) continue;
            var partCols = parts.Select(p => RecordView.Column(t, p)!).ToList();
            var statement = $"{key} = {string.Join(" + ", parts)}";
            foreach (var row in ArithmeticRows(t))
            {
                var target = view.Cell(t, row, col);
                if (!target.IsPrinted) continue;
                var terms = partCols.Select(c => view.Cell(t, row, c)).ToList();
                if (terms.Any(o => o.Value is null)) continue;
                yield return new Relation(CheckRule.Identity, Severity.Warning, RelationKind.Sum, [target], terms, statement, target.Place);
            }
        }
    }

    /// <summary>Dossiers received are either resolved or still pending at the end of the period (some reports count returned ones apart).</summary>
    private static IEnumerable<Relation> Balances(RecordView view, ReportTable t)
    {
        if (RecordView.Column(t, "received.total") is not { } rec || RecordView.Column(t, "resolved.total") is not { } res || RecordView.Column(t, "pending.total") is not { } pen)
            yield break;
        var returned = RecordView.Column(t, "returned");
        foreach (var row in ArithmeticRows(t))
        {
            var target = view.Cell(t, row, rec);
            if (!target.IsPrinted) continue;
            var terms = new List<Operand> { view.Cell(t, row, res), view.Cell(t, row, pen) };
            if (terms.Any(o => o.Value is null) || terms.All(o => o.Blank)) continue;
            var alternatives = returned is not null && view.Cell(t, row, returned) is { Value: not null } ret ? [new Alternative([.. terms, ret])] : Array.Empty<Alternative>();
            yield return new Relation(CheckRule.Balance, Severity.Warning, RelationKind.Sum, [target], terms, "received.total = resolved.total + pending.total", target.Place)
            {
                Alternatives = alternatives,
            };
        }
    }

    /// <summary>A column of shares ("Tỷ lệ", "%"): shares of different bases do not add up, so it is never summed.</summary>
    public static bool IsRatioColumn(ReportTable t, TableColumn c)
    {
        var h = VietText.Fold(c.Header);
        if (h.Contains("ty le") || h.Contains("ti le") || h.Contains('%') || h.Contains("phan tram")) return true;
        return t.Rows.Where(r => r.Kind is "item" or "group" or "total").Any(r => r.Cells.Any(x => x.Column == c.Id && x.Kind == "percent"));
    }

    /// <summary>The STT or label column: its cells are the rows' STT ("1", "1.1") or label, not quantities.</summary>
    public static bool IsLabelColumn(ReportTable t, TableColumn c)
    {
        var rows = t.Rows.Where(r => r.Kind is "item" or "group").ToList();
        var named = rows.Count(r => r.Cells.FirstOrDefault(x => x.Column == c.Id) is { Raw.Length: > 0 } cell && (cell.Raw == r.Stt || cell.Raw == r.Label));
        return named * 2 > rows.Count(r => r.Cells.Any(x => x.Column == c.Id && x.Raw.Length > 0));
    }

    private static IEnumerable<Relation> TotalsAndGroups(RecordView view, ReportTable t)
    {
        var roots = RowTree.Build(t.Rows);
        if (roots.Count == 0) yield break;
        var total = RecordView.TotalRow(t);
        var all = roots.SelectMany(Flatten).ToList();
        foreach (var col in t.Columns)
        {
            if (IsRatioColumn(t, col) || IsLabelColumn(t, col)) continue;
            var severity = col.Key is not null ? Severity.Error : Severity.Warning;
            if (total is not null && view.Cell(t, total, col) is { IsPrinted: true } target)
            {
                var counted = Contributions(view, t, col, roots);
                if (counted is not null && counted.Any(o => o.IsPrinted))
                {
                    // Other legitimate countings stay quiet: only the top rows, or only the innermost rows.
                    var alternatives = new List<Alternative>();
                    if (Own(view, t, col, roots) is { } top) alternatives.Add(new Alternative(top));
                    if (Own(view, t, col, roots.SelectMany(r => r.Leaves()).ToList()) is { } leaves) alternatives.Add(new Alternative(leaves));
                    var statement = all.Any(n => !n.IsLeaf) ? $"{RecordView.ColumnName(col)} of the totals row = sum of the rows, each group counted once" : $"{RecordView.ColumnName(col)} of the totals row = sum of the rows";
                    yield return new Relation(CheckRule.Total, severity, RelationKind.Sum, [target], counted, statement, target.Place) { Alternatives = alternatives };
                }
            }
            foreach (var group in all.Where(n => !n.IsLeaf))
            {
                var own = view.Cell(t, group.Row, col);
                if (!own.IsPrinted) continue;
                var children = Contributions(view, t, col, group.Children);
                if (children is null || !children.Any(o => o.IsPrinted)) continue;
                var alternatives = Own(view, t, col, group.Leaves().ToList()) is { } leaves ? new[] { new Alternative(leaves) } : [];
                yield return new Relation(CheckRule.Group, severity, RelationKind.Sum, [own], children,
                    $"{RecordView.ColumnName(col)} of group {group.Row.Stt} = sum of its rows", own.Place) { Alternatives = alternatives };
            }
        }
    }

    private static IEnumerable<RowNode> Flatten(RowNode n) => new[] { n }.Concat(n.Children.SelectMany(Flatten));

    /// <summary>
    /// What a list of rows adds up to in one column, each group counted once: a row's printed value, or, for a group
    /// that prints none, its children's. Null when a needed cell is a mark or text.
    /// </summary>
    public static List<Operand>? Contributions(RecordView view, ReportTable t, TableColumn col, IEnumerable<RowNode> nodes)
    {
        var list = new List<Operand>();
        foreach (var n in nodes)
        {
            var own = view.Cell(t, n.Row, col);
            if (own.IsPrinted || (n.IsLeaf && own.Value is not null)) { list.Add(own); continue; }
            if (n.IsLeaf) return null; // a mark or text where a number is needed
            var children = Contributions(view, t, col, n.Children);
            if (children is null) return null;
            list.AddRange(children);
        }
        return list;
    }

    /// <summary>The rows' own cells (blank as 0); null when one is a mark or text.</summary>
    private static List<Operand>? Own(RecordView view, ReportTable t, TableColumn col, IReadOnlyList<RowNode> nodes)
    {
        var ops = nodes.Select(n => view.Cell(t, n.Row, col)).ToList();
        return ops.Any(o => o.Value is null) ? null : ops;
    }

    /// <summary>
    /// The "Tỷ lệ %" row: each share is the totals-row value of its column over a base, at the printed decimals. The
    /// base of a part is the total its formula (or its key) belongs to, else the grand total; the grand total's share
    /// is 100. Both bases are tried, as seed tables mix them (seed 002: (7) over (6), (6) over (3)).
    /// </summary>
    private static IEnumerable<Relation> PercentRow(RecordView view, ReportTable t)
    {
        var parents = Parents(t);
        var root = RecordView.Column(t, "received.total") ?? Formulas(t).Select(f => f.Column).FirstOrDefault();
        if (root is null) yield break;
        for (var i = 0; i < t.Rows.Count; i++)
        {
            var row = t.Rows[i];
            if (row.Kind != "percent") continue;
            var total = t.Rows.Take(i).LastOrDefault(r => r.Kind == "total") ?? RecordView.TotalRow(t);
            if (total is null) continue;
            foreach (var col in t.Columns)
            {
                var share = view.Cell(t, row, col);
                if (!share.IsPrinted) continue;
                var numerator = view.Cell(t, total, col);
                if (numerator.Value is null) continue;
                var bases = new List<TableColumn>();
                if (col.Index == root.Index) bases.Add(root);
                else
                {
                    if (parents.TryGetValue(col.Index, out var parent)) bases.Add(parent);
                    if (parent?.Index != root.Index) bases.Add(root);
                }
                var denominators = bases.Select(b => (IReadOnlyList<Operand>)[view.Cell(t, total, b)]).Where(d => d[0].Value is not null).ToList();
                if (denominators.Count == 0) continue;
                var statement = $"{RecordView.ColumnName(col)} % = {RecordView.ColumnName(col)} / {string.Join(" or ", bases.Select(RecordView.ColumnName))} of the totals row";
                yield return new Relation(CheckRule.Percent, Severity.Error, RelationKind.Ratio, [share], [numerator], statement, share.Place) { Denominators = denominators };
            }
        }
    }

    /// <summary>Each part column's total column: from the declared formulas, else from the keys (resolved.early → resolved.total).</summary>
    private static Dictionary<int, TableColumn> Parents(ReportTable t)
    {
        var parents = new Dictionary<int, TableColumn>();
        foreach (var f in Formulas(t))
            foreach (var term in f.Terms) parents.TryAdd(term.Index, f.Column);
        foreach (var c in t.Columns.Where(c => c.Key is not null && !c.Key.EndsWith(".total", StringComparison.Ordinal)))
        {
            var group = c.Key!.Split('.')[0];
            if (RecordView.Column(t, group + ".total") is { } gt && gt.Index != c.Index) parents.TryAdd(c.Index, gt);
        }
        return parents;
    }

    [GeneratedRegex(@"^\(?\d+\)?=\(?\(?\d+\)?(\+\(?\d+\)?)+\)?$")]
    private static partial Regex SumOfColumns();

    [GeneratedRegex(@"\((\d+)\)")]
    private static partial Regex ColumnRef();
}
