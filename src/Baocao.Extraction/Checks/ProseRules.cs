using Baocao.Reports;

namespace Baocao.Checks;

/// <summary>
/// Checks on the figures of the results section: the prose's own arithmetic (a total against the parts stated in the
/// same scope; a province total against its three levels), each stated share ("chiếm 2,02%") against the computed
/// ratio, and each figure against the same key in a dossier table (the totals row, or the row of its scope).
/// </summary>
public sealed class ProseRules : ICheckRule
{
    private static readonly string[] Levels = ["Cấp tỉnh", "Cấp huyện", "Cấp xã"];

    /// <summary>The group a key belongs to, and the total its shares are usually taken of.</summary>
    private static string GroupTotal(string key) => key.Split('.')[0] switch
    {
        "resolved" => "resolved.total",
        "pending" => "pending.total",
        _ => "received.total",
    };

    public IEnumerable<Relation> Relations(RecordView view)
    {
        var scopes = view.Record.Figures.Select(f => f.Scope).Distinct().ToList();
        foreach (var scope in scopes)
        {
            foreach (var r in Sums(view, scope)) yield return r;
            foreach (var r in Shares(view, scope)) yield return r;
        }
        foreach (var r in LevelSums(view)) yield return r;
        foreach (var r in AgainstTables(view)) yield return r;
    }

    /// <summary>Stated totals against their stated parts ("22.278 … 21.829 … 449").</summary>
    private static IEnumerable<Relation> Sums(RecordView view, string? scope)
    {
        foreach (var (key, ways) in RecordView.Parts)
        {
            if (view.FigureOf(key, scope) is not { } total) continue;
            // The fullest statement of the parts: with "bưu chính" when stated apart.
            var parts = ways.OrderByDescending(w => w.Length)
                .Select(w => w.Select(p => view.FigureOf(p, scope)).ToList())
                .FirstOrDefault(fs => fs.All(f => f is not null));
            if (parts is null) continue;
            var target = view.Figure(total);
            var terms = parts.Select(f => view.Figure(f!)).ToList();
            var alternatives = new List<Alternative>();
            // "Số mới tiếp nhận trong kỳ: 61 (trực tuyến: 59; trực tiếp: 01); số từ kỳ trước: 01": the figure called new
            // is the total including the carried-over dossiers. Worth saying, not an error of the arithmetic.
            if (key == "received.new" && view.FigureOf("received.carried_over", scope) is { } carried)
                alternatives.Add(new Alternative([.. terms, view.Figure(carried)], "the figure stated as received.new includes the carried-over dossiers (it is received.total)"));
            yield return new Relation(CheckRule.ProseSum, Severity.Error, RelationKind.Sum, [target], terms,
                $"{key} = {string.Join(" + ", parts.Select(f => f!.Key))}", target.Place) { Alternatives = alternatives };
        }
    }

    /// <summary>A whole-province figure against its three levels (Cấp tỉnh + Cấp huyện + Cấp xã).</summary>
    private static IEnumerable<Relation> LevelSums(RecordView view)
    {
        foreach (var f in view.Record.Figures.Where(f => f.Scope is null && !f.Key.EndsWith(".pct", StringComparison.Ordinal)))
        {
            if (view.FigureOf(f.Key, null) != f) continue;
            var levels = Levels.Select(l => view.FigureOf(f.Key, l)).ToList();
            if (levels.Any(l => l is null)) continue;
            var target = view.Figure(f);
            yield return new Relation(CheckRule.ProseSum, Severity.Error, RelationKind.Sum, [target], levels.Select(l => view.Figure(l!)).ToList(),
                $"{f.Key} = {string.Join(" + ", Levels)}", target.Place);
        }
    }

    /// <summary>"quá hạn: 449 chiếm 2,02%": the share against the figure over each plausible base, at the printed decimals.</summary>
    private static IEnumerable<Relation> Shares(RecordView view, string? scope)
    {
        foreach (var pct in view.Record.Figures.Where(f => f.Scope == scope && f.Key.EndsWith(".pct", StringComparison.Ordinal)))
        {
            var key = pct.Key[..^4];
            if (view.FigureOf(key, scope) is not { } numerator) continue;
            // Reports differ in the base of a share: the group total ("chiếm 99,69%" of the resolved), the dossiers
            // received or newly received. Any of them reconciles the share; none gives a warning.
            var baseKeys = key == GroupTotal(key) || key == "resolved.total" || key == "pending.total"
                ? new[] { "received.total", "received.new" }
                : [GroupTotal(key), "received.total", "received.new", "resolved.total"];
            var denominators = new List<IReadOnlyList<Operand>>();
            foreach (var b in baseKeys.Distinct().Where(b => b != key))
            {
                if (view.ProseKey(b, scope, out _) is { } prose) denominators.Add(prose);
                foreach (var t in view.KeyedTables)
                    if (RecordView.ScopeRow(t, scope) is { } row && view.TableKey(t, row, b, out _) is { } cells) denominators.Add(cells);
            }
            if (denominators.Count == 0) continue;
            var share = view.Figure(pct);
            yield return new Relation(CheckRule.ProsePercent, Severity.Warning, RelationKind.Ratio, [share], [view.Figure(numerator)],
                $"{pct.Key} = {key} / ({string.Join(" or ", baseKeys.Distinct().Where(b => b != key))})", share.Place) { Denominators = Distinct(denominators) };
        }
    }

    private static List<IReadOnlyList<Operand>> Distinct(List<IReadOnlyList<Operand>> lists) =>
        lists.GroupBy(l => string.Join("|", l.Select(o => o.Id))).Select(g => g.First()).ToList();

    /// <summary>
    /// Each figure against the same key in a dossier table: the totals row for the whole report, the row labelled with
    /// the figure's scope ("Cấp tỉnh") for a scoped one. A column of that key gives an error; a key made of its parts
    /// (received.new = (4)+(5)) a warning, as wording and columns may cut the dossiers differently.
    /// </summary>
    private static IEnumerable<Relation> AgainstTables(RecordView view)
    {
        var tables = view.KeyedTables.ToList();
        if (tables.Count == 0) yield break;
        foreach (var f in view.Record.Figures)
        {
            if (f.Key.EndsWith(".pct", StringComparison.Ordinal) || f.Key == "received.postal" || view.FigureOf(f.Key, f.Scope) != f) continue;
            var left = new List<Operand> { view.Figure(f) };
            // The table's "Trực tiếp, dịch vụ bưu chính" holds both; the prose may state the post apart.
            if (f.Key == "received.direct" && view.FigureOf("received.postal", f.Scope) is { } postal && tables.All(t => RecordView.Column(t, "received.postal") is null))
                left.Add(view.Figure(postal));
            var candidates = new List<(ReportTable Table, TableRow Row, IReadOnlyList<Operand> Cells, bool Derived)>();
            foreach (var t in tables)
                if (RecordView.ScopeRow(t, f.Scope) is { } row && view.TableKey(t, row, f.Key, out var derived) is { } cells && cells.Any(c => c.IsPrinted))
                    candidates.Add((t, row, cells, derived));
            if (candidates.Count == 0) continue;
            var (table, tableRow, right, isDerived) = candidates[0];
            var alternatives = candidates.Skip(1).Select(c => new Alternative(c.Cells)).ToList();
            if (f.Key == "received.new" && view.TableKey(table, tableRow, "received.total", out _) is { } total)
                alternatives.Add(new Alternative(total, "the figure stated as received.new equals the table's received.total (it includes the carried-over dossiers)"));
            var statement = $"{f.Key}{(f.Scope is null ? "" : $" [{f.Scope}]")} in the prose = {string.Join(" + ", right.Select(o => o.Name))} of table {table.Index}";
            var place = left[0].Place with { Table = table.Index, RowIndex = tableRow.Index, Row = RecordView.RowName(tableRow), Column = f.Key, ColumnNumber = right.Count == 1 ? right[0].Place.ColumnNumber : null };
            yield return new Relation(CheckRule.ProseTable, isDerived ? Severity.Warning : Severity.Error, RelationKind.Sum, left, right, statement, place)
            {
                Alternatives = alternatives,
            };
        }
    }
}
