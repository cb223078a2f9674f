using System.Globalization;
using System.Text.RegularExpressions;
using Baocao.Reports;
using Baocao.Text;

namespace Baocao.Checks;

/// <summary>
/// Which reading of "1,572" a table means: 1.572 (the Vietnamese decimal comma) or 1572 (comma thousands, as web
/// systems and English-locale spreadsheets print counts). The parser cannot tell and flags it
/// <c>ambiguous-grouping</c>; the document can. It lives beside the checks because its evidence is theirs: the same
/// relations (formula columns, totals, balances) are evaluated under both readings. Pure.
/// <list type="number">
/// <item>Arithmetic: when more of the table's relations that involve such a value hold with every one of them read as
/// thousands than as decimals, thousands it is.</item>
/// <item>Without arithmetic to decide (no relation touches them, or both readings do as well): a column that counts
/// dossiers (its key or header says so; a count is a whole number) whose every comma figure has exactly three digits
/// after the comma is read as thousands.</item>
/// </list>
/// A value read as thousands keeps its printed text, loses <c>ambiguous-grouping</c> and gets <c>comma-thousands</c>;
/// the record's warnings say which evidence decided. Percentages (ratio columns, "Tỷ lệ %" rows, "%" cells) keep their
/// decimals. Without evidence nothing changes and the flag stays (the checks then treat the value as a doubt).
/// The prose's figures are decided the same way after the tables (<see cref="ResolveFigures"/>): a figure keeps its
/// printed text (<c>Raw</c>) and says which reading was taken by its flag.
/// </summary>
public static partial class NumberGrouping
{
    public const string FlagCommaThousands = NumberParser.FlagCommaThousands;

    public static (ReportRecord Record, IReadOnlyList<string> Notes) Resolve(ReportRecord record)
    {
        var notes = new List<string>();
        var tables = record.Tables.ToList();
        for (var i = 0; i < tables.Count; i++)
        {
            var (table, note) = Resolve(record, tables[i]);
            tables[i] = table;
            if (note is not null) notes.Add(note);
        }
        var withTables = notes.Count == 0 ? record : record with { Tables = tables };
        // The prose after the tables: its figures are checked against the tables' totals, read as the tables decided.
        var (figures, proseNote) = ResolveFigures(withTables);
        if (proseNote is null) return (withTables, notes);
        notes.Add(proseNote);
        return (withTables with { Figures = figures }, notes);
    }

    /// <summary>
    /// The prose figures' "2,800": the same two kinds of evidence as a table's. Arithmetic first: the prose's own sums,
    /// its shares and its figures against the tables (already decided), under both readings. Then the shape: every
    /// figure of the prose counts dossiers (its key says so; shares, <c>.pct</c>, are never candidates), so when every
    /// comma in those counts has exactly three digits after it, the commas group thousands.
    /// </summary>
    private static (IReadOnlyList<Figure> Figures, string? Note) ResolveFigures(ReportRecord record)
    {
        var candidates = record.Figures.Where(IsCandidate).ToList();
        if (candidates.Count == 0) return (record.Figures, null);

        var view = new RecordView(record);
        var thousands = new Dictionary<string, decimal>();
        foreach (var f in candidates) thousands[view.Figure(f).Id] = Thousands(f.Raw!);
        var involved = new ProseRules().Relations(view).Where(r => r.Operands.Any(o => thousands.ContainsKey(o.Id))).ToList();
        var asDecimals = involved.Count(r => r.Evaluate().Holds);
        var asThousands = involved.Count(r => r.Evaluate(o => thousands.TryGetValue(o.Id, out var v) ? v : o.Value ?? 0).Holds);
        string why;
        if (asThousands > asDecimals)
            why = $"the prose's arithmetic and the tables agree so ({asThousands} of {involved.Count} relations, {asDecimals} with decimal commas)";
        else if (asDecimals > asThousands) return (record.Figures, null);
        else if (record.Figures.Where(f => !f.Key.EndsWith(".pct", StringComparison.Ordinal) && f.Raw is { } r && r.Contains(','))
                 .All(f => CommaThree().IsMatch(f.Raw!.Replace(" ", "")) || f.Flags.Contains(FlagCommaThousands)))
            why = "the prose's figures count dossiers (whole numbers) and every one printed with a comma has three digits after it"
                  + (involved.Count > 0 ? $"; the arithmetic did not decide ({asDecimals} of {involved.Count} relations hold either way)" : "");
        else return (record.Figures, null);

        var chosen = new HashSet<Figure>(candidates, ReferenceEqualityComparer.Instance);
        var figures = record.Figures.Select(f => chosen.Contains(f)
            ? f with { Value = Thousands(f.Raw!), Flags = [.. f.Flags.Where(x => x != NumberParser.FlagAmbiguousGrouping), FlagCommaThousands] }
            : f).ToList();
        var first = candidates[0];
        var more = candidates.Count > 1 ? $" and {candidates.Count - 1} other figure(s)" : "";
        return (figures, $"prose: «{first.Raw}»{more} printed with a comma read as thousands ({Relation.Num(Thousands(first.Raw!))}, {FlagCommaThousands}): {why}");
    }

    /// <summary>A dossier count of the prose printed "2,800" (a share keeps its decimals).</summary>
    private static bool IsCandidate(Figure f) =>
        !f.Key.EndsWith(".pct", StringComparison.Ordinal) && f.Raw is not null && f.Flags.Contains(NumberParser.FlagAmbiguousGrouping);

    private static (ReportTable Table, string? Note) Resolve(ReportRecord record, ReportTable t)
    {
        var candidates = Candidates(t);
        if (candidates.Count == 0) return (t, null);

        // 1. The table's arithmetic under both readings.
        var view = new RecordView(record with { Tables = [t] });
        var thousands = new Dictionary<string, decimal>();
        foreach (var (row, col, cell) in candidates) thousands[view.Cell(t, row, col).Id] = Thousands(cell.Raw);
        var involved = new TableRules().Relations(view).Where(r => r.Operands.Any(o => thousands.ContainsKey(o.Id))).ToList();
        var asDecimals = involved.Count(r => r.Evaluate().Holds);
        var asThousands = involved.Count(r => r.Evaluate(o => thousands.TryGetValue(o.Id, out var v) ? v : o.Value ?? 0).Holds);
        if (asThousands > asDecimals)
        {
            var why = $"the table's arithmetic holds so ({asThousands} of {involved.Count} relations, {asDecimals} with decimal commas)";
            return (Apply(t, candidates), Note(t, candidates, why));
        }
        if (asDecimals > asThousands) return (t, null);

        // 2. Counts of dossiers printed with three digits after every comma.
        var byColumn = candidates.GroupBy(c => c.Col).Where(g => IsCountColumn(g.Key) && EveryCommaThree(t, g.Key)).SelectMany(g => g).ToList();
        if (byColumn.Count == 0) return (t, null);
        var reason = "the column counts dossiers (whole numbers) and every figure printed with a comma has three digits after it"
                     + (involved.Count > 0 ? $"; the arithmetic did not decide ({asDecimals} of {involved.Count} relations hold either way)" : "");
        return (Apply(t, byColumn), Note(t, byColumn, reason));
    }

    /// <summary>The ambiguous figures of the table's quantity columns, outside percentage rows.</summary>
    private static List<(TableRow Row, TableColumn Col, TableCell Cell)> Candidates(ReportTable t)
    {
        var list = new List<(TableRow, TableColumn, TableCell)>();
        foreach (var col in t.Columns)
        {
            if (TableRules.IsRatioColumn(t, col)) continue;
            foreach (var row in t.Rows)
            {
                if (row.Kind == "percent") continue;
                if (row.Cells.FirstOrDefault(c => c.Column == col.Id) is { Kind: "number" } cell && cell.Flags.Contains(NumberParser.FlagAmbiguousGrouping))
                    list.Add((row, col, cell));
            }
        }
        return list;
    }

    private static bool IsCountColumn(TableColumn c)
    {
        if (c.Key is { } k && !k.EndsWith(".pct", StringComparison.Ordinal) &&
            (k.StartsWith("received.", StringComparison.Ordinal) || k.StartsWith("resolved.", StringComparison.Ordinal) ||
             k.StartsWith("pending.", StringComparison.Ordinal) || k == "returned" || k.EndsWith(".dossiers", StringComparison.Ordinal)))
            return true;
        var h = VietText.Fold(c.Header);
        return h.Contains("ho so") || h.Contains("so luong");
    }

    /// <summary>Every figure of the column (outside percentage rows) that holds a comma has exactly three digits after it.</summary>
    private static bool EveryCommaThree(ReportTable t, TableColumn col) =>
        t.Rows.Where(r => r.Kind != "percent")
            .Select(r => r.Cells.FirstOrDefault(c => c.Column == col.Id))
            .Where(c => c is { Kind: "number" } && c.Raw.Contains(','))
            .All(c => CommaThree().IsMatch(VietText.Clean(c!.Raw).Replace(" ", "")));

    private static decimal Thousands(string raw) =>
        decimal.Parse(VietText.Clean(raw).Replace(" ", "").Replace(",", ""), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);

    private static ReportTable Apply(ReportTable t, IReadOnlyCollection<(TableRow Row, TableColumn Col, TableCell Cell)> cells)
    {
        var byRow = cells.GroupBy(c => c.Row.Index).ToDictionary(g => g.Key, g => g.Select(x => x.Col.Id).ToHashSet());
        var keys = t.Columns.Where(c => c.Key is not null).ToDictionary(c => c.Id, c => c.Key!);
        var rows = t.Rows.Select(row =>
        {
            if (!byRow.TryGetValue(row.Index, out var ids)) return row;
            var values = new Dictionary<string, decimal?>(row.Values);
            var updated = row.Cells.Select(c =>
            {
                if (!ids.Contains(c.Column)) return c;
                var v = Thousands(c.Raw);
                if (keys.TryGetValue(c.Column, out var key)) values[key] = v;
                return c with { Value = v, Flags = [.. c.Flags.Where(f => f != NumberParser.FlagAmbiguousGrouping), FlagCommaThousands] };
            }).ToList();
            return row with { Cells = updated, Values = values };
        }).ToList();
        return t with { Rows = rows };
    }

    private static string Note(ReportTable t, IReadOnlyCollection<(TableRow Row, TableColumn Col, TableCell Cell)> cells, string why)
    {
        var first = cells.First();
        var more = cells.Count > 1 ? $" and {cells.Count - 1} other figure(s)" : "";
        return $"table {t.Index}: «{first.Cell.Raw}»{more} printed with a comma read as thousands ({Relation.Num(Thousands(first.Cell.Raw))}, {NumberParser.FlagCommaThousands}): {why}";
    }

    [GeneratedRegex(@"^-?\d{1,3},\d{3}$")]
    private static partial Regex CommaThree();
}
