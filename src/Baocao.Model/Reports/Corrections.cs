using System.Globalization;
using Baocao.Text;

namespace Baocao.Reports;

/// <summary>
/// A reviewer's decision on one table cell, stored beside the reading (issue 18 item 2): the reading is never replaced.
/// Keyed by the file's content (<see cref="Sha256"/>, the record's <c>source.sha256</c>) and the cell's place in the
/// record (table and row index, 0-based as the record holds them; the column's id), so it survives a re-ingest of the
/// same file, a move or a rename, and never depends on the index's volatile row ids. <see cref="Read"/> is the text the
/// cell was read as when the decision was made: a later extraction that reads the cell otherwise (or puts another row
/// there) makes the correction stale, and it is then listed, not applied (<see cref="Review.Apply"/>).
/// </summary>
/// <param name="Value">The corrected value; null when the reviewer confirmed the value as read.</param>
/// <param name="At">When, ISO 8601 UTC ("2026-12-03T20:15:00Z").</param>
public sealed record Correction(
    string Sha256, int Table, int Row, string Column, string? Key, string? RowLabel, string Read, decimal? ReadValue,
    decimal? Value, string Reviewer, string At, string? Note = null)
{
    public bool Confirmed => Value is null;
}

/// <summary>A correction that could not be applied to the record as it now reads, with the reason.</summary>
public sealed record StaleCorrection(Correction Correction, string Reason);

/// <summary>A cell a reviewer names: the table, row and column found in a record.</summary>
public sealed record ReviewedCell(ReportTable Table, TableRow Row, TableCell Cell, TableColumn? Column)
{
    public string? Key => Column?.Key;
}

/// <summary>
/// Applying reviewers' decisions to a record, and naming the cell a decision is about. Pure: the record is read and a
/// changed copy returned. A corrected cell keeps its printed text (<c>raw</c>) and gets the reviewer's value, confidence 1
/// and the flag <see cref="CorrectedFlag"/>; a confirmed cell keeps its value and gets <see cref="ConfirmedFlag"/>. Either
/// way the flags of a doubtful reading (low confidence, ambiguous grouping, decimal point) are dropped: a person has
/// looked at the cell, so the checks treat it as read with confidence and a failing relation on it is an error of the
/// report (or holds with the corrected value). The row's canonical value under the column's key follows the cell.
/// </summary>
public static class Review
{
    public const string CorrectedFlag = "corrected";
    public const string ConfirmedFlag = "confirmed";

    /// <summary>The flags that make a reading doubtful (<c>Operand.IsDoubtful</c>), dropped once a person has looked.</summary>
    private static readonly string[] DoubtFlags = ["low-confidence", NumberParser.FlagAmbiguousGrouping, NumberParser.FlagDecimalPoint];

    /// <summary>
    /// The record with every correction of its file applied (those of other files ignored), and the corrections that no
    /// longer fit the record (the cell reads otherwise now, or is gone).
    /// </summary>
    public static (ReportRecord Record, IReadOnlyList<StaleCorrection> Stale) Apply(ReportRecord record, IEnumerable<Correction> corrections)
    {
        var stale = new List<StaleCorrection>();
        var mine = corrections.Where(c => string.Equals(c.Sha256, record.Source.Sha256, StringComparison.OrdinalIgnoreCase)).ToList();
        if (mine.Count == 0) return (record, stale);
        var applied = new Dictionary<(int, int, string), Correction>();
        foreach (var c in mine)
        {
            if (Find(record, c.Table, c.Row, c.Column) is not { } cell) stale.Add(new StaleCorrection(c, $"table {c.Table + 1}, row {c.Row + 1}, column {c.Column} is no longer in the record"));
            else if (!string.Equals(VietText.Clean(cell.Cell.Raw), VietText.Clean(c.Read), StringComparison.Ordinal))
                stale.Add(new StaleCorrection(c, $"the cell now reads «{cell.Cell.Raw}», the decision was made on «{c.Read}»"));
            else applied[(c.Table, c.Row, c.Column)] = c;
        }
        if (applied.Count == 0) return (record, stale);
        var tables = record.Tables.Select(t => !applied.Keys.Any(k => k.Item1 == t.Index) ? t : t with
        {
            Rows = t.Rows.Select(row => !applied.Keys.Any(k => k.Item1 == t.Index && k.Item2 == row.Index) ? row : ApplyRow(t, row, applied)).ToList(),
        }).ToList();
        return (record with { Tables = tables }, stale);
    }

    private static TableRow ApplyRow(ReportTable t, TableRow row, Dictionary<(int, int, string), Correction> applied)
    {
        var values = new Dictionary<string, decimal?>(row.Values, StringComparer.Ordinal);
        var cells = row.Cells.Select(cell =>
        {
            if (!applied.TryGetValue((t.Index, row.Index, cell.Column), out var c)) return cell;
            var flags = cell.Flags.Where(f => !DoubtFlags.Contains(f)).Append(c.Confirmed ? ConfirmedFlag : CorrectedFlag).ToList();
            var value = c.Value ?? cell.Value;
            // A blank or text cell the reviewer gives a number becomes a number; a confirmed one stays what it was.
            var kind = c.Value is null || cell.Kind is "number" or "percent" ? cell.Kind : "number";
            if (t.Columns.FirstOrDefault(col => col.Id == cell.Column)?.Key is { } key) values[key] = value;
            return cell with { Value = value, Kind = kind, Confidence = 1.0, Flags = flags };
        }).ToList();
        return row with { Cells = cells, Values = values };
    }

    /// <summary>The cell at a correction's place (0-based table and row index, column id); null when there is none.</summary>
    public static ReviewedCell? Find(ReportRecord record, int table, int row, string column)
    {
        var t = record.Tables.FirstOrDefault(x => x.Index == table);
        var r = t?.Rows.FirstOrDefault(x => x.Index == row);
        var cell = r?.Cells.FirstOrDefault(x => x.Column == column);
        return cell is null ? null : new ReviewedCell(t!, r!, cell, t!.Columns.FirstOrDefault(col => col.Id == column));
    }

    /// <summary>
    /// The cell a person names: the table numbered from 1 (as every listing numbers it), the row by its number from 1 in
    /// the table's body or by its label or STT as printed (tone marks optional), the column by its canonical key
    /// ("resolved.total"), its printed number ("(7)" or "7") or its id ("c7"). Throws <see cref="ArgumentException"/> with
    /// a one-line reason naming what was not found.
    /// </summary>
    public static ReviewedCell Locate(ReportRecord record, int tableNumber, string row, string column, bool english = false)
    {
        var t = record.Tables.FirstOrDefault(x => x.Index == tableNumber - 1)
                ?? throw new ArgumentException(english ? $"table {tableNumber} is not in the report (it has {record.Tables.Count} table(s), numbered from 1)"
                                                        : $"bảng {tableNumber} không có trong báo cáo (báo cáo có {record.Tables.Count} bảng, đánh số từ 1)");
        var r = int.TryParse(row, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && t.Rows.FirstOrDefault(x => x.Index == n - 1) is { } byNumber
            ? byNumber
            : t.Rows.FirstOrDefault(x => Same(x.Label, row)) ?? t.Rows.FirstOrDefault(x => Same(x.Stt, row))
              ?? throw new ArgumentException(english ? $"row '{row}' is not in table {tableNumber} (give its number from 1 to {t.Rows.Count}, or its label as printed)"
                                                      : $"dòng '{row}' không có trong bảng {tableNumber} (ghi số thứ tự dòng từ 1 đến {t.Rows.Count}, hoặc tên dòng như in)");
        var number = column.Trim().Trim('(', ')');
        var col = t.Columns.FirstOrDefault(c => c.Key == column)
                  ?? t.Columns.FirstOrDefault(c => c.Number is { } k && k.ToString(CultureInfo.InvariantCulture) == number)
                  ?? t.Columns.FirstOrDefault(c => c.Id == column);
        var cell = (col is not null ? r.Cells.FirstOrDefault(c => c.Column == col.Id) : r.Cells.FirstOrDefault(c => c.Column == column))
                   ?? throw new ArgumentException(ColumnMissing(t, r, tableNumber, column, english));
        return new ReviewedCell(t, r, cell, col ?? t.Columns.FirstOrDefault(c => c.Id == cell.Column));
    }

    private static string ColumnMissing(ReportTable t, TableRow r, int tableNumber, string column, bool english)
    {
        var keys = string.Join(", ", t.Columns.Select(c => c.Key).OfType<string>().Take(3).DefaultIfEmpty("received.total"));
        return english
            ? $"column '{column}' is not in row {r.Index + 1} of table {tableNumber} (give a canonical key such as {keys}, a column number such as (3), or a column id)"
            : $"cột '{column}' không có trong dòng {r.Index + 1} của bảng {tableNumber} (ghi mã chuẩn như {keys}, số cột như (3), hoặc mã cột)";
    }

    private static bool Same(string? printed, string typed) =>
        printed is not null && VietText.Fold(printed).Trim() == VietText.Fold(typed).Trim() && VietText.Fold(typed).Trim().Length > 0;

    /// <summary>
    /// A value as a reviewer types it, read as the documents print numbers ("181.220" and "181220" are 181220, "2,02" is
    /// 2.02, "12.5" is 12.5). Null with the reason for text that is no number, and for "181,220", which could be either
    /// (the reviewer decides, so the program does not guess).
    /// </summary>
    public static (decimal? Value, string? Error) ParseValue(string text, bool english = false)
    {
        var t = NumberParser.ParseCell(text);
        if (t.Kind is not (ValueKind.Number or ValueKind.Percent) || t.Value is null)
            return (null, english ? $"'{text}' is not a number (write it as printed: 181.220, 181220 or 2,02)"
                                  : $"'{text}' không phải là số (viết như in: 181.220, 181220 hoặc 2,02)");
        if (t.Flags.Contains(NumberParser.FlagAmbiguousGrouping))
            return (null, english ? $"'{text}' could be a decimal or a thousands group: write 181.220 (or 181220) for a count, 181,22 for a decimal"
                                  : $"'{text}' có thể là số thập phân hoặc nhóm hàng nghìn: viết 181.220 (hoặc 181220) cho số đếm, 181,22 cho số thập phân");
        return (t.Value, null);
    }
}
