using System.Globalization;
using Baocao.Documents;
using Baocao.Reports;
using Baocao.Text;

namespace Baocao.Tests.Checks;

/// <summary>
/// Small records built in code for the checks: tables from printed cell texts (typed by the same parser as the
/// pipeline), figures, headers with periods. A cell text "1.533@0.42" is read with OCR confidence 0.42.
/// </summary>
internal static class TestRecords
{
    public sealed record Col(string? Key, int? Number, string? Formula = null, string Header = "");

    public sealed record Row(string Stt, string Label, params string[] Cells)
    {
        public string? Kind { get; init; }
    }

    /// <summary>The columns of form II.06a: STT, field, then (3)=(4)+(5)+(6), (7)=(8)+(9)+(10), (11)=(12)+(13).</summary>
    public static Col[] Form06a() =>
    [
        new(null, 1, Header: "STT"), new(null, 2, Header: "Lĩnh vực giải quyết"),
        new("received.total", 3, "(3)=(4)+(5)+(6)"), new("received.online", 4), new("received.direct", 5), new("received.carried_over", 6),
        new("resolved.total", 7, "(7)=(8)+(9)+(10)"), new("resolved.early", 8), new("resolved.on_time", 9), new("resolved.late", 10),
        new("pending.total", 11, "(11)=(12)+(13)"), new("pending.on_time", 12), new("pending.late", 13),
    ];

    /// <summary>A row of II.06a from its eleven figures: received (3..6), resolved (7..10), pending (11..13).</summary>
    public static Row R06(string stt, string label, params string[] cells) => new(stt, label, cells);

    public static ReportTable Table(int index, Col[] columns, params Row[] rows)
    {
        var cols = columns.Select((c, i) => new TableColumn(i, $"c{i + 1}", c.Key, c.Header, c.Number, c.Formula, 1.0)).ToList();
        var stts = rows.Select(r => r.Stt).ToList();
        var list = new List<TableRow>();
        for (var i = 0; i < rows.Length; i++)
        {
            var r = rows[i];
            var texts = new[] { r.Stt, r.Label }.Concat(r.Cells).ToList();
            if (texts.Count != cols.Count) throw new ArgumentException($"row {i}: {texts.Count} cells for {cols.Count} columns");
            var cells = new List<TableCell>();
            for (var c = 0; c < cols.Count; c++)
            {
                var (raw, confidence) = Split(texts[c]);
                var typed = NumberParser.ParseCell(raw);
                IReadOnlyList<string> flags = confidence < 0.80 ? [.. typed.Flags, "low-confidence"] : typed.Flags;
                cells.Add(new TableCell(cols[c].Id, raw, typed.Kind.ToString().ToLowerInvariant(), typed.Value, 1, null, i, c, flags, confidence));
            }
            var kind = r.Kind ?? KindOf(r, stts, i);
            var values = cols.Where(c => c.Key is not null).ToDictionary(c => c.Key!, c => cells[c.Index].Value);
            list.Add(new TableRow(i, r.Stt, r.Label, kind, values, cells, 1));
        }
        return new ReportTable(index, "II.06a", "TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT TTHC", null, 1, "Số hồ sơ TTHC", null, null, null, cols, list, false);
    }

    private static (string raw, double confidence) Split(string text)
    {
        var at = text.LastIndexOf('@');
        return at > 0 ? (text[..at], double.Parse(text[(at + 1)..], CultureInfo.InvariantCulture)) : (text, 1.0);
    }

    private static string KindOf(Row r, List<string> stts, int i)
    {
        var f = VietText.Fold(r.Label);
        if (f.StartsWith("tong cong", StringComparison.Ordinal) || f == "cong") return "total";
        if (f.StartsWith("ty le", StringComparison.Ordinal)) return "percent";
        if (r.Stt.Length > 0 && (r.Stt.All(char.IsLetter) || stts.Skip(i + 1).Any(s => s.StartsWith(r.Stt + ".", StringComparison.Ordinal)))) return "group";
        return "item";
    }

    public static Figure Fig(string key, string printed, string? scope = null, double confidence = 1.0)
    {
        Assert.True(NumberParser.TryParseNumber(printed, out var v, out var flags), printed);
        // As the prose extractor keeps it: the printed number and the parser's flags.
        return new Figure(key, v, $"… {printed} …", 1, scope, confidence) { Raw = printed, Flags = flags };
    }

    public static Period Quarter(int year, int q)
    {
        var (from, to) = q switch
        {
            1 => ($"{year - 1}-12-15", $"{year}-03-14"),
            2 => ($"{year}-03-15", $"{year}-06-14"),
            3 => ($"{year}-06-15", $"{year}-09-14"),
            _ => ($"{year}-09-15", $"{year}-12-14"),
        };
        return new Period("quarter", year, q, null, null, from, to, false);
    }

    public static Period Year(int year) => new("year", year, null, null, null, $"{year - 1}-12-15", $"{year}-12-14", false);

    public static Period Custom(string from, string to) => new("custom", null, null, null, null, from, to, true);

    public static ReportRecord Record(string path = "test.pdf", Period? period = null, string agency = "SỞ TƯ PHÁP", string? number = null,
        IReadOnlyList<ReportTable>? tables = null, IReadOnlyList<Figure>? figures = null, string format = "pdf")
    {
        var header = ReportHeader.Empty with { Agency = agency, ParentAgency = "UBND TỈNH BẾN TRE", Province = "Bến Tre", Period = period, Number = number };
        // Each path its own content hash: an index groups files of the same content as copies of one report.
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(path)));
        return new ReportRecord(new SourceInfo(path, sha, format, 1, false), header, tables ?? [], figures ?? [], [], []);
    }
}
