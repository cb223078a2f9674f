using System.Text.RegularExpressions;
using Baocao.Mapping;
using Baocao.Reports;
using Baocao.Tables;
using Baocao.Text;

namespace Baocao.Interpretation;

/// <summary>
/// Turns a cell grid into a report table: finds the column-number row ("(1) (2) (3)=(4)+(5)+(6)", the most stable
/// anchor of these forms), resolves each column's multi-level header path above it, types every body cell and
/// classifies each row (item, group, total, percent). Column keys come from the mapper.
/// </summary>
public sealed partial class TableInterpreter(IColumnMapper mapper)
{
    /// <summary>OCR confidence below which a value is flagged for review (kept as read).</summary>
    public const double LowConfidence = 0.80;
    public const string FlagLowConfidence = "low-confidence";

    public ReportTable Interpret(int index, CellGrid grid, TableContext context)
    {
        var numberRow = ColumnNumberRow.Find(grid);
        var bodyStart = numberRow is { } nr ? nr + 1 : FindBodyStart(grid);
        var headerEnd = numberRow ?? bodyStart; // header rows are [0, headerEnd)

        var headers = Enumerable.Range(0, grid.Cols).Select(c => HeaderPath(grid, c, headerEnd)).ToList();
        var numbers = new (int? number, string? formula)[grid.Cols];
        if (numberRow is { } row)
            for (var c = 0; c < grid.Cols; c++)
                if (grid.IsOrigin(row, c)) numbers[c] = ColumnNumberRow.Parse(grid.TextAt(row, c));

        var bodyRows = Enumerable.Range(bodyStart, Math.Max(0, grid.Rows - bodyStart))
            .Where(r => Enumerable.Range(0, grid.Cols).Any(c => grid.IsOrigin(r, c) && grid.TextAt(r, c).Length > 0))
            .ToList();

        var sttCol = FindSttColumn(grid, headers, bodyRows);
        var labelCol = FindLabelColumn(grid, bodyRows, sttCol);

        var features = Enumerable.Range(0, grid.Cols).Select(c => new ColumnFeatures(
            c, headers[c], numbers[c].number, numbers[c].formula,
            bodyRows.Take(5).Select(r => grid.IsOrigin(r, c) ? grid.TextAt(r, c) : "").ToList())).ToList();
        var mappings = mapper.Map(context, features);
        var columns = new List<TableColumn>();
        var needsReview = false;
        for (var c = 0; c < grid.Cols; c++)
        {
            var m = mappings[c];
            var key = m.Key;
            // A doubtful key is left null for a person to check. A null with a confidence above 0 that is still below
            // the threshold is doubtful too (a key may have been missed); a null with 0 means the mapper did not consider
            // the column at all (the rule table's unmapped columns).
            if (m.Confidence < mapper.ReviewThreshold && (key is not null || m.Confidence > 0))
            {
                key = null;
                needsReview = true;
            }
            columns.Add(new TableColumn(c, $"c{c + 1}", key, headers[c], numbers[c].number, numbers[c].formula, Math.Round(m.Confidence, 3)));
        }

        var rows = new List<TableRow>();
        var stts = bodyRows.Select(r => sttCol is { } sc && grid.IsOrigin(r, sc) ? grid.TextAt(r, sc) : "").ToList();
        var numbered = HasNumberedChild(stts);
        for (var i = 0; i < bodyRows.Count; i++)
        {
            var r = bodyRows[i];
            var cells = new List<TableCell>();
            for (var c = 0; c < grid.Cols; c++)
            {
                var cell = grid.At(r, c);
                var origin = grid.IsOrigin(r, c);
                var raw = origin ? cell!.Text : "";
                var typed = NumberParser.ParseCell(raw);
                var confidence = origin && cell is not null ? cell.Confidence : 1.0;
                IReadOnlyList<string> flags = confidence < LowConfidence && raw.Length > 0 ? [.. typed.Flags, FlagLowConfidence] : typed.Flags;
                if (flags.Contains(FlagLowConfidence)) needsReview = true;
                cells.Add(new TableCell(columns[c].Id, raw, typed.Kind.ToString().ToLowerInvariant(), typed.Value,
                    cell?.Page ?? grid.Page, origin ? cell?.Box : null, r, c, flags, Math.Round(confidence, 3)));
            }
            var stt = stts[i];
            var label = labelCol is { } lc ? cells[lc].Raw : "";
            // A total row often merges the STT and label cells: the text then sits in the STT position.
            if (sttCol is { } s2 && labelCol is { } l2 && grid.At(r, s2) is { } sttCell && sttCell.Covers(r, l2))
            {
                label = stt;
                stt = "";
            }
            var kind = RowKind(stt, label, stt.Length > 0 && numbered[i]);
            var values = new Dictionary<string, decimal?>();
            foreach (var col in columns.Where(k => k.Key is not null))
                values[col.Key!] = cells[col.Index].Value;
            var page = cells.Where(k => k.Raw.Length > 0).Select(k => k.Page).DefaultIfEmpty(grid.Page).Min();
            rows.Add(new TableRow(i, stt, label, kind, values, cells, page));
        }
        return new ReportTable(index, context.Form, context.Title, context.Section, grid.Page, context.Unit, context.Period,
            context.ReportingUnit, context.ReceivingUnit, columns, rows, needsReview);
    }

    /// <summary>The header path of a column: the distinct header cells above it, top to bottom.</summary>
    private static string HeaderPath(CellGrid grid, int col, int headerEnd)
    {
        var parts = new List<string>();
        GridCell? last = null;
        for (var r = 0; r < headerEnd; r++)
        {
            var cell = grid.At(r, col);
            if (cell is null || ReferenceEquals(cell, last) || cell.Text.Length == 0) continue;
            last = cell;
            if (parts.Count > 0 && parts[^1] == cell.Text) continue;
            parts.Add(cell.Text);
        }
        return string.Join(" › ", parts);
    }

    /// <summary>Without a number row, the body starts at the first row that looks like data (an STT, or numbers).</summary>
    private static int FindBodyStart(CellGrid grid)
    {
        for (var r = 1; r < grid.Rows; r++)
        {
            var first = grid.IsOrigin(r, 0) ? grid.TextAt(r, 0) : "";
            if (SttLike().IsMatch(first)) return r;
            var texts = Enumerable.Range(0, grid.Cols).Where(c => grid.IsOrigin(r, c)).Select(c => grid.TextAt(r, c)).Where(t => t.Length > 0).ToList();
            if (texts.Count > 0 && texts.Count(t => NumberParser.ParseCell(t).Kind is ValueKind.Number or ValueKind.Percent) * 2 >= texts.Count)
                return r;
        }
        return Math.Min(1, grid.Rows);
    }

    private static int? FindSttColumn(CellGrid grid, List<string> headers, List<int> bodyRows)
    {
        for (var c = 0; c < Math.Min(2, grid.Cols); c++)
        {
            var h = VietText.Fold(headers[c]).Replace(" ", "");
            if (h is "stt" or "tt" or "sott" or "sothutu") return c;
        }
        var sttLike = bodyRows.Count(r => SttLike().IsMatch(grid.IsOrigin(r, 0) ? grid.TextAt(r, 0) : ""));
        return bodyRows.Count > 0 && sttLike * 2 >= bodyRows.Count ? 0 : null;
    }

    /// <summary>The label column: the first column after the STT whose body cells are mostly text.</summary>
    private static int? FindLabelColumn(CellGrid grid, List<int> bodyRows, int? sttCol)
    {
        for (var c = (sttCol ?? -1) + 1; c < grid.Cols; c++)
        {
            var texts = bodyRows.Where(r => grid.IsOrigin(r, c)).Select(r => grid.TextAt(r, c)).Where(t => t.Length > 0).ToList();
            if (texts.Count == 0) continue;
            if (texts.Count(t => NumberParser.ParseCell(t).Kind == ValueKind.Text) * 2 > texts.Count) return c;
        }
        return null;
    }

    /// <param name="numberedChild">Whether a later row's STT continues this one's ("1." or "1" before "1.2"): see <see cref="HasNumberedChild"/>.</param>
    private static string RowKind(string stt, string label, bool numberedChild)
    {
        var f = VietText.Fold(label.Length > 0 ? label : stt);
        if (f.StartsWith("tong cong", StringComparison.Ordinal) || f == "cong" || f.StartsWith("cong:", StringComparison.Ordinal) || f == "tong so" || f == "tong") return "total";
        if (f.StartsWith("ty le", StringComparison.Ordinal)) return "percent";
        if (Roman().IsMatch(stt) || Letter().IsMatch(stt)) return "group";
        if (numberedChild) return "group";
        return "item";
    }

    /// <summary>
    /// For each row, whether some later row's STT starts with this row's STT (its trailing dots trimmed) and a dot: "1" or
    /// "1." is a group when a "1.2" follows. Asked of every later row for every row, that was quadratic: a 100,000-row table
    /// took longer than any timeout. Here one pass from the end keeps every later STT's prefixes that end in a dot in a set
    /// ("1.2.3" gives "1." and "1.2."), which holds exactly the prefixes <c>StartsWith(p)</c> could match for a p ending in a
    /// dot. An STT with very many dots (garbage in an STT cell) would make its prefixes costly to keep, so those few are
    /// compared one by one as before.
    /// </summary>
    public static bool[] HasNumberedChild(IReadOnlyList<string> stts)
    {
        const int ManyDots = 32;
        var result = new bool[stts.Count];
        var prefixes = new HashSet<string>(StringComparer.Ordinal);
        var dotty = new List<string>();
        for (var i = stts.Count - 1; i >= 0; i--)
        {
            var stt = stts[i];
            if (stt.Length > 0)
            {
                var p = stt.TrimEnd('.') + ".";
                result[i] = prefixes.Contains(p) || dotty.Any(s => s.StartsWith(p, StringComparison.Ordinal));
            }
            if (stt.Count(ch => ch == '.') > ManyDots) dotty.Add(stt);
            else
                for (var k = stt.IndexOf('.', StringComparison.Ordinal); k >= 0; k = stt.IndexOf('.', k + 1))
                    prefixes.Add(stt[..(k + 1)]);
        }
        return result;
    }

    [GeneratedRegex(@"^(\d{1,3}(\.\d{1,3})*\.?|[IVX]{1,5}\.?|[A-Z]\.?)$")]
    private static partial Regex SttLike();

    [GeneratedRegex(@"^[IVX]{1,5}\.?$")]
    private static partial Regex Roman();

    [GeneratedRegex(@"^[A-H]\.?$")]
    private static partial Regex Letter();
}
