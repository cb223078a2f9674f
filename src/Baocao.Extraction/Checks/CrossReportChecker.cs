using System.Globalization;
using Baocao.Reports;

namespace Baocao.Checks;

/// <summary>
/// Checks across the reports of one agency:
/// <list type="bullet">
/// <item>"Từ kỳ trước" of a period against "đang giải quyết" at the end of the period just before it (the day after its end starts the next);</item>
/// <item>the reports of sub-periods that exactly tile a longer one (four quarters of a year, three months of a quarter, two halves):
/// their flows (received new, online, direct; resolved and its parts) add up to the longer report's;</item>
/// <item>stocks stated by two reports for the same date: the carried-over dossiers of reports that start on the same day, and
/// the pending ones of reports that end on the same day.</item>
/// </list>
/// A value comes from the totals row of the report's dossier table, else from its prose. Copies of one report (its
/// DOCX and its PDF) are not compared with each other, and a copy in the same format is preferred as the other side.
/// </summary>
public sealed class CrossReportChecker(CheckOptions options)
{
    private static readonly string[] Flows = ["received.new", "received.online", "received.direct", "resolved.total", "resolved.early", "resolved.on_time", "resolved.late"];
    private static readonly string[] EndStocks = ["pending.total", "pending.on_time", "pending.late"];

    private static readonly ICheckRule[] OwnRules = [new TableRules(), new ProseRules()];

    private sealed record Dated(ReportRecord Record, RecordView View, DateOnly From, DateOnly To, string Kind);

    public static CrossReportChecker CreateDefault() => new(CheckOptions.Default);

    /// <summary>The findings of every agency in the source; each names, in <c>File</c>, the report it belongs to.</summary>
    public IReadOnlyList<Check> Check(IReportSource source)
    {
        var checks = new List<Check>();
        foreach (var agency in source.Agencies())
        {
            var reports = source.ReportsOf(agency).Select(Date).OfType<Dated>().ToList();
            if (reports.Count < 2) continue;
            var relations = new List<Relation>();
            foreach (var r in reports)
            {
                relations.AddRange(CarriedOver(r, reports));
                relations.AddRange(PeriodSums(r, reports));
                relations.AddRange(Stocks(r, reports));
            }
            // A doubtful value that its own report's arithmetic confirms is not a doubt here either.
            var confirmed = RelationEvaluator.Confirmed(reports.SelectMany(r => OwnRules.SelectMany(rule => rule.Relations(r.View))).Where(x => x.Evaluate().Holds));
            checks.AddRange(RelationEvaluator.Evaluate(relations, options, proposeMisreadings: false, confirmed));
        }
        return checks;
    }

    /// <summary>Runs the checks over a set of records and appends each finding to the record it belongs to.</summary>
    public IReadOnlyList<ReportRecord> Apply(IReadOnlyList<ReportRecord> records)
    {
        var found = Check(new InMemoryReportSource(records)).ToLookup(c => c.File);
        return records.Select(r => found[r.Source.Path].Any() ? r with { Checks = [.. r.Checks, .. found[r.Source.Path]] } : r).ToList();
    }

    private static Dated? Date(ReportRecord r)
    {
        if (r.Header.Period is not { From: { } f, To: { } t } p) return null;
        if (!DateOnly.TryParseExact(f, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var from)) return null;
        if (!DateOnly.TryParseExact(t, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var to)) return null;
        return to < from ? null : new Dated(r, new RecordView(r), from, to, p.Kind);
    }

    /// <summary>Among copies of one period, the one in the same format as <paramref name="self"/>, else the first.</summary>
    private static Dated? Pick(IEnumerable<Dated> candidates, Dated self) =>
        candidates.Where(c => c.Record != self.Record && !SameReport(c, self))
            .OrderBy(c => c.Record.Source.Format == self.Record.Source.Format ? 0 : 1)
            .ThenBy(c => c.Record.Source.Path, StringComparer.Ordinal)
            .FirstOrDefault();

    /// <summary>The DOCX and the PDF of one report: same period, same number and date.</summary>
    private static bool SameReport(Dated a, Dated b) =>
        a.From == b.From && a.To == b.To && a.Record.Header.Number == b.Record.Header.Number && a.Record.Header.Date == b.Record.Header.Date;

    private static string Describe(Dated d) => $"{d.Record.Source.Path} ({d.From:yyyy-MM-dd} to {d.To:yyyy-MM-dd})";

    /// <summary>The reports a finding's <see cref="Check.Related"/> names (as <see cref="Describe"/> wrote them, "; " between): each path with its period's first and last day.</summary>
    public static IReadOnlyList<(string Path, string From, string To)> RelatedReports(string? related)
    {
        if (string.IsNullOrEmpty(related)) return [];
        var list = new List<(string, string, string)>();
        foreach (var part in related.Split("; ", StringSplitOptions.RemoveEmptyEntries))
        {
            // "PATH (2022-01-01 to 2022-03-31)": the dates are fixed-width, so the path is what comes before them.
            const int tail = 27; // " (yyyy-MM-dd to yyyy-MM-dd)"
            if (part.Length > tail && part[^1] == ')' && part[^tail..^(tail - 2)] == " (" && part.AsSpan(part.Length - 15, 4).SequenceEqual(" to "))
                list.Add((part[..^tail], part.Substring(part.Length - 25, 10), part.Substring(part.Length - 11, 10)));
        }
        return list;
    }

    private static IEnumerable<Relation> CarriedOver(Dated b, List<Dated> all)
    {
        if (Pick(all.Where(a => a.To.AddDays(1) == b.From), b) is not { } a) yield break;
        if (b.View.ReportKey("received.carried_over") is not { } carried || !carried.Any(o => o.IsPrinted)) yield break;
        if (a.View.ReportKey("pending.total") is not { } pending) yield break;
        yield return new Relation(CheckRule.CarriedOver, Severity.Warning, RelationKind.Sum, carried, pending,
            $"received.carried_over = pending.total of the previous period", carried[0].Place) { Related = Describe(a) };
    }

    /// <summary>Sub-periods of one kind, one report each, that start on <paramref name="whole"/>'s first day, follow each other day by day and end on its last.</summary>
    private static List<Dated>? Tiling(Dated whole, List<Dated> all)
    {
        foreach (var kind in new[] { "quarter", "month", "half" })
        {
            var inside = all.Where(p => p.Kind == kind && p.From >= whole.From && p.To <= whole.To && (p.From, p.To) != (whole.From, whole.To))
                .GroupBy(p => (p.From, p.To)).Select(g => Pick(g, whole)).OfType<Dated>().OrderBy(p => p.From).ToList();
            if (inside.Count < 2 || inside[0].From != whole.From || inside[^1].To != whole.To) continue;
            if (inside.Zip(inside.Skip(1)).All(x => x.First.To.AddDays(1) == x.Second.From)) return inside;
        }
        return null;
    }

    private static IEnumerable<Relation> PeriodSums(Dated whole, List<Dated> all)
    {
        if (Tiling(whole, all) is not { } parts) yield break;
        var related = string.Join("; ", parts.Select(Describe));
        foreach (var key in Flows)
        {
            if (whole.View.ReportKey(key) is not { } total || !total.Any(o => o.IsPrinted)) continue;
            var values = parts.Select(p => p.View.ReportKey(key)).ToList();
            if (values.Any(v => v is null)) continue;
            yield return new Relation(CheckRule.PeriodSum, Severity.Warning, RelationKind.Sum, total, values.SelectMany(v => v!).ToList(),
                $"{key} = sum over the {parts.Count} {parts[0].Kind} reports", total[0].Place) { Related = related };
        }
    }

    private static IEnumerable<Relation> Stocks(Dated whole, List<Dated> all)
    {
        // Reported by the longer report: the start stock against a shorter report that starts with it, the end stock
        // against one that ends with it.
        var start = Pick(all.Where(p => p.From == whole.From && p.To < whole.To), whole);
        var end = Pick(all.Where(p => p.To == whole.To && p.From > whole.From), whole);
        foreach (var (other, keys, when) in new[] { (start, new[] { "received.carried_over" }, "start"), (end, EndStocks, "end") })
        {
            if (other is null) continue;
            foreach (var key in keys)
            {
                if (whole.View.ReportKey(key) is not { } mine || !mine.Any(o => o.IsPrinted)) continue;
                if (other.View.ReportKey(key) is not { } theirs) continue;
                yield return new Relation(CheckRule.Stock, Severity.Warning, RelationKind.Sum, mine, theirs,
                    $"{key} = {key} of the {other.Kind} report with the same {when} date", mine[0].Place) { Related = Describe(other) };
            }
        }
    }
}
