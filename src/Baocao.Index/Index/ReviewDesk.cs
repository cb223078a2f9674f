using System.Globalization;
using Baocao.Checks;
using Baocao.Documents;
using Baocao.Reports;

namespace Baocao.Index;

/// <summary>
/// One cell a reviewer is asked to look at (or has decided on): its place (table and row index 0-based, as the record
/// holds them; <see cref="TableNumber"/> and <see cref="RowNumber"/> from 1, as people name them), the text as read, its
/// page and box (null for a DOCX), OCR's confidence, why it is asked, the reading the arithmetic points to, and the
/// decision taken on it.
/// </summary>
public sealed record ReviewItem(
    int Table, int Row, string Column, string? Key, int? ColumnNumber, string? RowLabel, string Read, decimal? Value, int Page, BBox? Box,
    double Confidence, IReadOnlyList<string> Reasons, decimal? Likely, Correction? Decision)
{
    public int TableNumber => Table + 1;
    public int RowNumber => Row + 1;

    /// <summary>How a person names the column: its canonical key, else its printed number, else its id.</summary>
    public string ColumnRef => Key ?? (ColumnNumber is { } n ? "(" + n.ToString(CultureInfo.InvariantCulture) + ")" : Column);
}

/// <summary>A report of the review queue: its record as reviewed, its note, the cells to look at, the decisions taken and those gone stale.</summary>
public sealed record ReviewReport(string Path, ReportRecord Record, ReviewNote Note, IReadOnlyList<ReviewItem> Items, IReadOnlyList<Correction> Decisions, IReadOnlyList<StaleCorrection> Stale)
{
    public bool Open => Note.NeedsReview;
}

/// <summary>
/// The review desk shared by <c>./baocao review</c> and the web review page: the queue, the cells of one report to look at,
/// and taking or undoing a decision. Messages are Vietnamese unless <c>english</c>; a bad request throws
/// <see cref="ArgumentException"/> with a one-line reason naming what was wrong.
/// </summary>
public static class ReviewDesk
{
    /// <summary>The reports that ask for review (<see cref="ReviewNote.NeedsReview"/>, counted on the reviewed record) or hold decisions, in path order.</summary>
    public static List<ReviewReport> Queue(IReportIndex index, bool english = false)
    {
        var source = new IndexReportSource(index);
        var records = Findings.OfSource(source);
        var decisions = index.Corrections().ToLookup(c => c.Sha256, StringComparer.OrdinalIgnoreCase);
        var stale = source.Stale.ToLookup(s => s.Correction.Sha256, StringComparer.OrdinalIgnoreCase);
        var list = new List<ReviewReport>();
        foreach (var r in records)
        {
            var mine = decisions[r.Source.Sha256].ToList();
            var note = ReviewNote.Of(r, r.Source.Path);
            if (!note.NeedsReview && mine.Count == 0) continue;
            var gone = stale[r.Source.Sha256].ToList();
            list.Add(new ReviewReport(r.Source.Path, r, note, Items(r, mine.Where(m => !gone.Any(g => g.Correction == m)).ToList(), english), mine, gone));
        }
        return list;
    }

    /// <summary>One report as the review page shows it (whether or not it is in the queue); null when the id is unknown.</summary>
    public static ReviewReport? Report(IReportIndex index, long id, bool english = false)
    {
        if (index.Load(id) is not { } stored) return null;
        var mine = index.Corrections(stored.Source.Sha256).ToList();
        var (r, stale) = ReviewedRecord.Of(stored, mine);
        // The checks across reports are not run for one report's page: its own findings name the doubtful cells.
        var applied = mine.Where(m => !stale.Any(s => s.Correction == m)).ToList();
        return new ReviewReport(stored.Source.Path, r, ReviewNote.Of(r, stored.Source.Path), Items(r, applied, english), mine, stale);
    }

    private static readonly string[] DoubtFlags = [ReviewNote.LowConfidenceFlag, Text.NumberParser.FlagAmbiguousGrouping, Text.NumberParser.FlagDecimalPoint];

    /// <summary>
    /// The cells to look at in a reviewed record: figures under a canonical key read with low confidence or a doubtful grouping, cells a reading
    /// doubt names ("(4) read as «95»"), and cells already decided on; in table, row and column order.
    /// </summary>
    public static List<ReviewItem> Items(ReportRecord reviewed, IReadOnlyList<Correction> applied, bool english = false)
    {
        var items = new List<ReviewItem>();
        var doubts = reviewed.Checks.Where(c => c.Cause == Cause.Reading).ToList();
        foreach (var t in reviewed.Tables)
            foreach (var row in t.Rows)
                foreach (var cell in row.Cells)
                {
                    var col = t.Columns.FirstOrDefault(c => c.Id == cell.Column);
                    var decision = applied.FirstOrDefault(a => a.Table == t.Index && a.Row == row.Index && a.Column == cell.Column);
                    var name = col is null ? cell.Column : RecordView.ColumnName(col);
                    var named = doubts.Where(c => c.Table == t.Index && c.RowIndex == row.Index &&
                                                  (c.Message.Contains($"{name} read as «{cell.Raw}»", StringComparison.Ordinal)
                                                   || (c.Rule == CheckRule.Misreading && c.Column == (col?.Key ?? cell.Column)))).ToList();
                    // A figure under a canonical key: what the checks and the export use. A row number in the STT column
                    // ("1.1", flagged as a decimal point) or an unmapped column is no value to correct.
                    var figure = cell.Kind is "number" or "percent" && col?.Key is not null;
                    var doubtful = figure && (cell.Flags.Any(f => DoubtFlags.Contains(f)) || cell.Confidence < 0.80);
                    if (!doubtful && named.Count == 0 && decision is null) continue;
                    var reasons = new List<string>();
                    if (cell.Confidence < 0.80)
                        reasons.Add((english ? "OCR confidence " : "độ tin cậy OCR ") + cell.Confidence.ToString("0.00", CultureInfo.InvariantCulture));
                    foreach (var f in cell.Flags.Where(f => f is Text.NumberParser.FlagAmbiguousGrouping or Text.NumberParser.FlagDecimalPoint))
                        reasons.Add(f == Text.NumberParser.FlagAmbiguousGrouping
                            ? (english ? "a comma that may group thousands" : "dấu phẩy có thể là nhóm hàng nghìn")
                            : (english ? "a point used as the decimal mark" : "dấu chấm dùng làm dấu thập phân"));
                    reasons.AddRange(named.Select(c => CheckText.Message(c, english)));
                    var likely = named.Select(c => c.Proposed).FirstOrDefault(p => p is not null);
                    items.Add(new ReviewItem(t.Index, row.Index, cell.Column, col?.Key, col?.Number, RecordView.RowName(row), cell.Raw,
                        decision is { Confirmed: false } ? decision.Value : cell.Value, cell.Page, cell.Box, cell.Confidence, reasons, likely, decision));
                }
        return items;
    }

    /// <summary>
    /// The report a person names: a document id (as the web pages and <c>review list</c> show it) or the path of an indexed file.
    /// </summary>
    public static (long Id, ReportRecord Record) Find(IReportIndex index, string report, bool english = false)
    {
        var id = long.TryParse(report, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : index.IdOf(report) ?? index.IdOf(IndexedReport.PathKey(report));
        if (id is { } i && index.Load(i) is { } r) return (i, r);
        throw new ArgumentException(english
            ? $"report '{report}' is not in the index (give the document id that review list shows, or the path of an indexed file)"
            : $"báo cáo '{report}' không có trong chỉ mục (ghi mã tài liệu như review list hiển thị, hoặc đường dẫn của tệp đã nạp)");
    }

    /// <summary>
    /// Takes a decision on a cell: <paramref name="value"/> as typed corrects it, null confirms it as read. The cell is named
    /// as <see cref="Review.Locate"/> takes it; the decision replaces an earlier one on the same cell. Returns it.
    /// </summary>
    public static Correction Decide(IReportIndex index, string report, int table, string row, string column, string? value, string reviewer,
        string? note, DateTimeOffset at, bool english = false)
    {
        if (string.IsNullOrWhiteSpace(reviewer))
            throw new ArgumentException(english ? "a reviewer's name is needed (--reviewer NAME)" : "cần tên người duyệt (--reviewer TÊN)");
        var (_, record) = Find(index, report, english);
        var cell = Review.Locate(record, table, row, column, english);
        decimal? corrected = null;
        if (value is not null)
        {
            var (v, error) = Review.ParseValue(value, english);
            corrected = v ?? throw new ArgumentException(error);
        }
        var c = new Correction(record.Source.Sha256, cell.Table.Index, cell.Row.Index, cell.Cell.Column, cell.Key, cell.Row.Label ?? cell.Row.Stt,
            cell.Cell.Raw, cell.Cell.Value, corrected, reviewer.Trim(), at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            string.IsNullOrWhiteSpace(note) ? null : note.Trim());
        index.SaveCorrection(c);
        return c;
    }

    /// <summary>Removes the decision on a cell; throws when there is none.</summary>
    public static Correction Undo(IReportIndex index, string report, int table, string row, string column, bool english = false)
    {
        var (_, record) = Find(index, report, english);
        var cell = Review.Locate(record, table, row, column, english);
        var existing = index.Corrections(record.Source.Sha256)
            .FirstOrDefault(c => c.Table == cell.Table.Index && c.Row == cell.Row.Index && c.Column == cell.Cell.Column);
        if (existing is null || !index.RemoveCorrection(existing.Sha256, existing.Table, existing.Row, existing.Column))
            throw new ArgumentException(english
                ? $"no decision on table {table}, row {cell.Row.Index + 1}, column {column} of this report"
                : $"chưa có hiệu đính nào ở bảng {table}, dòng {cell.Row.Index + 1}, cột {column} của báo cáo này");
        return existing;
    }

    /// <summary>A decision in words: "Lan sửa 95 → 105 (2026-12-03T20:00:00Z)", "Lan xác nhận 95 …".</summary>
    public static string Describe(Correction c, bool english = false)
    {
        var what = c.Confirmed
            ? (english ? $"confirmed «{c.Read}»" : $"xác nhận «{c.Read}»")
            : (english ? $"corrected «{c.Read}» to {c.Value!.Value.ToString(CultureInfo.InvariantCulture)}" : $"sửa «{c.Read}» thành {Relation.Num(c.Value!.Value)}");
        return $"{c.Reviewer} {what} ({c.At})" + (c.Note is { } n ? $": {n}" : "");
    }
}
