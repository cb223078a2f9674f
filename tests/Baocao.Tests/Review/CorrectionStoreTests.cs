using System.Globalization;
using System.Text;
using Baocao.Checks;
using Baocao.Index;
using Baocao.Output;
using Baocao.Reports;
using Baocao.Tests.Index;
using Microsoft.Data.Sqlite;
using static Baocao.Tests.Checks.TestRecords;

namespace Baocao.Tests.Review;

/// <summary>
/// Issue 18 item 2, the index part: decisions stored beside the readings (schema 7), surviving a re-ingest of the same
/// file, re-running the report's checks and the checks across reports, and exported with a flag and the value as read.
/// </summary>
public class CorrectionStoreTests
{
    /// <summary>A totals row: received (3)=(4)+(5)+(6), resolved, pending, as CrossReportTests builds them.</summary>
    private static ReportRecord Report(string path, Period period, int online, int direct, int carried, int early, int late, int pendingOnTime)
    {
        var received = online + direct + carried;
        var resolved = early + late;
        var pending = received - resolved;
        string S(int v) => v.ToString(CultureInfo.InvariantCulture);
        var t = Table(0, Form06a(), R06("", "TỔNG CỘNG", S(received), S(online), S(direct), S(carried), S(resolved), S(early), "0", S(late), S(pending), S(pendingOnTime), S(pending - pendingOnTime)));
        var r = Record(path, period, tables: [t], number: path);
        return r with { Checks = ReportChecker.CreateDefault().Check(r) };
    }

    private static ReportRecord Q1 => Report("/r/q1.pdf", Quarter(2022, 1), 50, 40, 10, 80, 5, 15);   // pending 15
    private static ReportRecord Q2 => Report("/r/q2.pdf", Quarter(2022, 2), 60, 30, 13, 88, 0, 15);   // carried 13: the cross check fails

    /// <summary>Q2's carried-over cell (6) corrected to 15 by Lan.</summary>
    private static Correction Carried(ReportRecord q2, decimal? value = 15m) =>
        new(q2.Source.Sha256, 0, 0, "c6", "received.carried_over", "TỔNG CỘNG", "13", 13m, value, "Lan", "2026-12-03T20:00:00Z", "xem bản giấy");

    private static List<Check> Findings(IReportIndex ix, string file) =>
        Baocao.Index.Findings.OfIndex(ix).Single(r => r.Source.Path == file).Checks.ToList();

    [Fact]
    public void A_correction_survives_a_re_ingest_and_re_runs_the_report_and_cross_report_checks()
    {
        using var tmp = new TempIndex();
        var q2 = Q2;
        using (var w = tmp.Write())
        {
            w.Store(Q1);
            w.Store(q2);
        }
        using (var r = tmp.Read())
        {
            var before = Findings(r, "/r/q2.pdf");
            Assert.Contains(before, c => c.Rule == CheckRule.CarriedOver);
            Assert.DoesNotContain(before, c => c.Rule == CheckRule.Formula);
        }
        using (var w = tmp.Write())
        {
            w.SaveCorrection(Carried(q2));
            // the same file ingested again: its report and rows are replaced, its corrections stay
            w.Store(q2);
        }
        using (var r = tmp.Read())
        {
            var c = Assert.Single(r.Corrections());
            Assert.Equal((15m, "Lan", "xem bản giấy", "13"), (c.Value!.Value, c.Reviewer, c.Note, c.Read));
            var after = Findings(r, "/r/q2.pdf");
            // 15 is what Q1 left pending: the check across the two reports holds now …
            Assert.DoesNotContain(after, x => x.Rule == CheckRule.CarriedOver);
            // … and the report's own sum 103 = 60 + 30 + 15 fails, an error resting on the correction
            var f = Assert.Single(after, x => x.Rule == CheckRule.Formula && x.Column == "received.total");
            Assert.Equal((Severity.Error, Cause.Report, 105m, "(6) «13» → 15"), (f.Severity, f.Cause, f.Expected!.Value, f.Reviewed));
            // the stored record keeps the reading
            Assert.Equal(13m, r.Load("/r/q2.pdf")!.Tables[0].Rows[0].Values["received.carried_over"]);
        }
        using (var w = tmp.Write()) Assert.True(w.RemoveCorrection(q2.Source.Sha256, 0, 0, "c6"));
        using (var r = tmp.Read())
        {
            Assert.Empty(r.Corrections());
            Assert.Contains(Findings(r, "/r/q2.pdf"), c => c.Rule == CheckRule.CarriedOver);
        }
    }

    [Fact]
    public void The_export_carries_the_corrected_value_with_a_flag_and_the_value_as_read()
    {
        using var tmp = new TempIndex();
        var q2 = Q2;
        using (var w = tmp.Write())
        {
            w.Store(Q1);
            w.Store(q2);
        }
        string Csv(IReportIndex ix, ExportOptions o)
        {
            using var ms = new MemoryStream();
            RowExport.Write("csv", ms, ix, new SearchQuery(), o);
            return Encoding.UTF8.GetString(ms.ToArray()).TrimStart('\uFEFF');
        }
        var all = new ExportOptions(null, Keys: true);
        using (var r = tmp.Read()) Assert.DoesNotContain("reviewed", Csv(r, all).Split('\n')[0]);
        using (var w = tmp.Write()) w.SaveCorrection(Carried(q2));
        using (var r = tmp.Read())
        {
            var lines = Csv(r, all).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r').Split(',')).ToList();
            var head = lines[0].ToList();
            var rows = lines.Skip(1).ToDictionary(l => l[head.IndexOf("fileName")]);
            string Get(string file, string col) => rows[file][head.IndexOf(col)];
            Assert.Equal("15", Get("q2.pdf", "received.carried_over"));
            Assert.Equal("đã sửa", Get("q2.pdf", "reviewed"));
            Assert.Equal("Tiếp nhận – Từ kỳ trước: 13 → 15", Get("q2.pdf", "asRead"));
            Assert.Equal(("10", "", ""), (Get("q1.pdf", "received.carried_over"), Get("q1.pdf", "reviewed"), Get("q1.pdf", "asRead")));
            // English words with --lang en
            var en = Csv(r, all with { English = true });
            Assert.Contains(",corrected,", en);
        }
    }

    [Fact]
    public void A_schema_6_index_is_read_without_corrections_and_gets_the_table_at_its_first_write()
    {
        using var tmp = new TempIndex();
        var q2 = Q2;
        using (var w = tmp.Write()) w.Store(q2);
        var dump = tmp.Dump();
        using (var c = new SqliteConnection($"Data Source={tmp.Path};Pooling=false"))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            // As schema 6 left it: no corrections table, no meta key.
            cmd.CommandText = "DROP TABLE corrections; DELETE FROM meta WHERE key = 'review.corrections'; UPDATE meta SET value = '6' WHERE key = 'schema';";
            cmd.ExecuteNonQuery();
        }
        using (var r = tmp.Read())
        {
            Assert.Empty(r.Corrections());
            // the checks over an index without the table read the stored findings
            Assert.All(Findings(r, "/r/q2.pdf"), x => Assert.Null(x.Reviewed));
        }
        Assert.Equal(dump, tmp.Dump());
        using (var w = tmp.Write()) w.SaveCorrection(Carried(q2, value: null));
        using (var c = new SqliteConnection($"Data Source={tmp.Path};Mode=ReadOnly;Pooling=false"))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = "SELECT value FROM meta WHERE key = 'schema'";
            Assert.Equal(SqliteSchema.Version.ToString(CultureInfo.InvariantCulture), cmd.ExecuteScalar());
            cmd.CommandText = "SELECT count(*) FROM meta WHERE key = 'review.corrections'";
            Assert.Equal(1L, cmd.ExecuteScalar());
        }
        using (var r = tmp.Read())
        {
            Assert.True(Assert.Single(r.Corrections()).Confirmed);
            Assert.Equal(dump, tmp.Dump());
        }
    }
}
