using System.CommandLine;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Baocao.Index;
using Baocao.Mapping;
using Baocao.Output;
using Baocao.Reports;
using Baocao.Text;

namespace Baocao.Cli;

/// <summary>
/// <c>baocao review list|set|confirm|undo</c> (issue 18 item 2): the review queue, and a reviewer's decisions on cells,
/// stored beside the readings (never replacing them) and applied by <c>check --all</c>, <c>export</c> and the web pages.
/// Vietnamese unless <c>--lang en</c>; a bad argument is one line naming it (exit 2).
/// </summary>
public static class ReviewCommand
{
    public static Command Create()
    {
        var cmd = new Command("review", "The review queue, and correcting or confirming a value read (stored beside the reading)");
        cmd.Subcommands.Add(List());
        cmd.Subcommands.Add(Decide("set", "Correct a value: REPORT TABLE ROW KEY VALUE (the reading is kept; checks and export use the value)", withValue: true));
        cmd.Subcommands.Add(Decide("confirm", "Confirm a value as read: REPORT TABLE ROW KEY (a failing check on it is then an error of the report)", withValue: false));
        cmd.Subcommands.Add(Undo());
        return cmd;
    }

    private static Option<string> Index() => new("--index") { Description = $"the index (default {IndexLocation.FileName} in the data folder, ${IndexLocation.DataVariable} or ./data)" };

    private static Option<string?> Lang() => new("--lang") { Description = "vi (default) or en: the language of messages and listings" };

    /// <summary>The arguments naming a cell (new ones for each command: an argument belongs to one command).</summary>
    private sealed class Cell
    {
        public readonly Argument<string> Report = new("REPORT") { Description = "the document id (as review list and the web pages show it) or the path of an indexed file" };
        public readonly Argument<int> Table = new("TABLE") { Description = "the table, numbered from 1" };
        public readonly Argument<string> Row = new("ROW") { Description = "the row: its number from 1 in the table's body, or its label as printed" };
        public readonly Argument<string> Key = new("KEY") { Description = "the column: a canonical key (received.online), a printed column number ((4) or 4), or a column id" };

        public void AddTo(Command c)
        {
            c.Arguments.Add(Report);
            c.Arguments.Add(Table);
            c.Arguments.Add(Row);
            c.Arguments.Add(Key);
        }
    }

    /// <summary>--lang as given: true for English; null (after one error line) for anything but vi or en.</summary>
    private static bool? English(ParseResult p, Option<string?> lang, string command)
    {
        var l = p.GetValue(lang) ?? "vi";
        if (l is "vi" or "en") return l == "en";
        Console.Error.WriteLine($"error: review {command}: --lang '{LogText.Escape(l)}' is not vi or en");
        return null;
    }

    private static Command List()
    {
        var index = Index();
        var lang = Lang();
        var json = new Option<bool>("--json") { Description = "the queue as JSON: each report with its reasons, the cells to look at (place, text as read, page and box, likely reading) and the decisions taken" };
        var cmd = new Command("list", "The reports to review with their reasons and the cells to look at, and the corrections made") { index, lang, json };
        cmd.SetAction(p => IndexOptions.Guard(() =>
        {
            if (English(p, lang, "list") is not { } en) return 2;
            using var ix = IndexLocation.OpenRead(IndexOptions.IndexPath(p, index));
            var queue = ReviewDesk.Queue(ix, en);
            var ids = queue.ToDictionary(r => r.Path, r => ix.IdOf(r.Path), StringComparer.Ordinal);
            if (p.GetValue(json))
            {
                using var ms = new MemoryStream();
                using (var w = new Utf8JsonWriter(ms, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
                {
                    w.WriteStartObject();
                    w.WriteNumber("count", queue.Count(r => r.Open));
                    w.WriteNumber("decisions", queue.Sum(r => r.Decisions.Count));
                    w.WriteStartArray("reports");
                    foreach (var r in queue) ReviewJson.WriteReport(w, r, ids[r.Path], r.Path, en);
                    w.WriteEndArray();
                    w.WriteEndObject();
                }
                Console.Out.WriteLine(System.Text.Encoding.UTF8.GetString(ms.ToArray()));
                return 0;
            }
            Console.WriteLine(en
                ? $"{queue.Count(r => r.Open)} report(s) to review, {queue.Sum(r => r.Decisions.Count)} decision(s) taken"
                : $"{queue.Count(r => r.Open)} báo cáo cần duyệt, {queue.Sum(r => r.Decisions.Count)} hiệu đính đã làm");
            foreach (var r in queue)
            {
                var id = ids[r.Path]?.ToString(CultureInfo.InvariantCulture) ?? "?";
                Console.WriteLine();
                Console.WriteLine($"[{id}] {r.Path}" + (r.Open ? "" : en ? " (reviewed)" : " (đã duyệt)"));
                if (r.Open) Console.WriteLine("    " + string.Join("; ", r.Note.Reasons()));
                foreach (var item in r.Items.Where(i => i.Decision is null))
                {
                    var where = en
                        ? $"table {item.TableNumber}, row {item.RowNumber} «{item.RowLabel}», column {item.ColumnRef}, p.{item.Page}"
                        : $"bảng {item.TableNumber}, dòng {item.RowNumber} «{item.RowLabel}», cột {(item.Key is { } k ? Labels.Key(k) + $" ({k})" : item.ColumnRef)}, trang {item.Page}";
                    var likely = item.Likely is { } l ? (en ? $"; likely {l.ToString(CultureInfo.InvariantCulture)}" : $"; có lẽ đọc đúng là {Checks.Relation.Num(l)}") : "";
                    Console.WriteLine($"    {where}: {(en ? "read" : "đọc")} «{item.Read}»{likely}");
                    foreach (var reason in item.Reasons) Console.WriteLine($"        {reason}");
                    var refRow = item.RowNumber.ToString(CultureInfo.InvariantCulture);
                    Console.WriteLine($"        ./baocao review set {id} {item.TableNumber} {refRow} {item.ColumnRef} {(item.Likely is { } x ? x.ToString(CultureInfo.InvariantCulture) : en ? "VALUE" : "GIÁ_TRỊ")}" +
                                      $"   |   ./baocao review confirm {id} {item.TableNumber} {refRow} {item.ColumnRef}");
                }
                foreach (var c in r.Decisions)
                {
                    var stale = r.Stale.FirstOrDefault(s => s.Correction == c);
                    var place = en ? $"table {c.Table + 1}, row {c.Row + 1}, column {c.Key ?? c.Column}" : $"bảng {c.Table + 1}, dòng {c.Row + 1}, cột {c.Key ?? c.Column}";
                    Console.WriteLine($"    {(en ? "decision" : "hiệu đính")}: {place}: {ReviewDesk.Describe(c, en)}" +
                                      (stale is null ? "" : en ? $" — NOT APPLIED: {stale.Reason}" : $" — KHÔNG ÁP DỤNG: {stale.Reason}"));
                }
            }
            return 0;
        }));
        return cmd;
    }

    private static Command Decide(string name, string description, bool withValue)
    {
        var index = Index();
        var lang = Lang();
        var value = new Argument<string>("VALUE") { Description = "the value as it should read: 181.220, 181220 or 2,02 (\"181,220\" is refused: it could be either)" };
        var reviewer = new Option<string?>("--reviewer") { Description = "who decides (default $BAOCAO_REVIEWER, else the login name)" };
        var note = new Option<string?>("--note") { Description = "why (kept with the decision)" };
        var (cell, cmd) = (new Cell(), new Command(name, description));
        cell.AddTo(cmd);
        if (withValue) cmd.Arguments.Add(value);
        foreach (var o in new Option[] { reviewer, note, index, lang }) cmd.Options.Add(o);
        cmd.SetAction(p => IndexOptions.Guard(() =>
        {
            if (English(p, lang, name) is not { } en) return 2;
            var who = p.GetValue(reviewer) ?? Environment.GetEnvironmentVariable("BAOCAO_REVIEWER") ?? Environment.UserName;
            using var ix = IndexLocation.OpenWrite(IndexOptions.IndexPath(p, index));
            try
            {
                var c = ReviewDesk.Decide(ix, p.GetValue(cell.Report)!, p.GetValue(cell.Table), p.GetValue(cell.Row)!, p.GetValue(cell.Key)!,
                    withValue ? p.GetValue(value) : null, who, p.GetValue(note), DateTimeOffset.UtcNow, en);
                Console.WriteLine($"{(en ? "stored" : "đã lưu")}: {(en ? "table" : "bảng")} {c.Table + 1}, {(en ? "row" : "dòng")} {c.Row + 1} «{c.RowLabel}», " +
                                  $"{(en ? "column" : "cột")} {c.Key ?? c.Column}: {ReviewDesk.Describe(c, en)}");
                return 0;
            }
            catch (ArgumentException e)
            {
                Console.Error.WriteLine($"error: {LogText.Escape(p.GetValue(cell.Report)!)}: {LogText.Escape(e.Message)}");
                return 2;
            }
        }));
        return cmd;
    }

    private static Command Undo()
    {
        var index = Index();
        var lang = Lang();
        var (cell, cmd) = (new Cell(), new Command("undo", "Remove the decision on a cell: REPORT TABLE ROW KEY (the value as read applies again)") { index, lang });
        cell.AddTo(cmd);
        cmd.SetAction(p => IndexOptions.Guard(() =>
        {
            if (English(p, lang, "undo") is not { } en) return 2;
            using var ix = IndexLocation.OpenWrite(IndexOptions.IndexPath(p, index));
            try
            {
                var c = ReviewDesk.Undo(ix, p.GetValue(cell.Report)!, p.GetValue(cell.Table), p.GetValue(cell.Row)!, p.GetValue(cell.Key)!, en);
                Console.WriteLine($"{(en ? "removed" : "đã bỏ")}: {ReviewDesk.Describe(c, en)}");
                return 0;
            }
            catch (ArgumentException e)
            {
                Console.Error.WriteLine($"error: {LogText.Escape(p.GetValue(cell.Report)!)}: {LogText.Escape(e.Message)}");
                return 2;
            }
        }));
        return cmd;
    }
}
