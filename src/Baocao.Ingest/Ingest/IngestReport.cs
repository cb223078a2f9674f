using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Baocao.Ingest;

/// <summary>
/// The run report of an ingest: counts by format and outcome, every failed file with its path and reason (this run's
/// and the standing failures of unchanged files), the reports queued for review (values read with low confidence,
/// tables to review) and the check findings. Written as JSON beside the index and printed as a summary. Pure.
/// </summary>
public sealed class IngestReport(ArchiveIngest.Outcome outcome, string index, string extractorVersion, int missing = 0)
{
    public static string PathBeside(string indexLocation, string dataFolder) =>
        Index.IndexLocation.IsUrl(indexLocation)
            ? Path.Combine(dataFolder, "ingest-report.json")
            : Path.Combine(Path.GetDirectoryName(Path.GetFullPath(indexLocation)) ?? ".", Path.GetFileNameWithoutExtension(indexLocation) + ".ingest-report.json");

    private static string Outcome(FileResult r) => r.Action switch
    {
        IngestAction.Unchanged => "unchanged",
        IngestAction.FailedBefore => "failed-before",
        IngestAction.Repoint => "repointed",
        _ => r.Ok ? "indexed" : "failed",
    };

    public IReadOnlyList<FileResult> Failures => outcome.Files.Where(f => !f.Ok).ToList();

    public IReadOnlyList<FileResult> Review => outcome.Files.Where(f => f.Ok && f.Note is { NeedsReview: true }).ToList();

    public string ToJson()
    {
        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            var t = outcome.Totals;
            w.WriteStartObject();
            w.WriteString("index", index);
            w.WriteString("extractor", extractorVersion);
            w.WriteString("started", outcome.Started.ToString("o", CultureInfo.InvariantCulture));
            w.WriteString("finished", outcome.Finished.ToString("o", CultureInfo.InvariantCulture));
            w.WriteNumber("seconds", Math.Round(t.Elapsed.TotalSeconds, 2));
            w.WriteNumber("files", outcome.Files.Count);
            w.WriteNumber("missingPaths", missing);
            w.WriteStartObject("outcomes");
            foreach (var o in new[] { "indexed", "unchanged", "failed", "failed-before" })
                w.WriteNumber(o, outcome.Files.Count(f => Outcome(f) == o));
            w.WriteEndObject();
            w.WriteStartObject("byFormat");
            foreach (var g in outcome.Files.GroupBy(f => f.Format).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                w.WriteStartObject(g.Key);
                foreach (var o in new[] { "indexed", "unchanged", "failed", "failed-before" }) w.WriteNumber(o, g.Count(f => Outcome(f) == o));
                w.WriteEndObject();
            }
            w.WriteEndObject();
            w.WriteNumber("pagesExtracted", t.Pages);
            w.WriteNumber("filesPerSecond", Math.Round(t.FilesPerSecond, 3));
            w.WriteNumber("pagesPerSecond", Math.Round(t.PagesPerSecond, 3));
            w.WriteStartArray("failed");
            foreach (var f in Failures)
            {
                w.WriteStartObject();
                w.WriteString("path", f.Path);
                w.WriteString("format", f.Format);
                w.WriteString("reason", f.Reason);
                w.WriteBoolean("thisRun", f.Action != IngestAction.FailedBefore);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartObject("review");
            w.WriteNumber("documents", Review.Count);
            w.WriteStartArray("queue");
            foreach (var f in Review)
            {
                w.WriteStartObject();
                w.WriteString("path", f.Path);
                w.WriteNumber("lowConfidenceValues", f.Note!.LowConfidence);
                w.WriteNumber("tablesToReview", f.Note.ReviewTables);
                w.WriteNumber("readingWarnings", f.Note.Reading);
                w.WriteNumber("readingDoubts", f.Note.Doubts);
                w.WriteStartArray("reasons");
                foreach (var reason in f.Note.Reasons()) w.WriteStringValue(reason);
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
            var notes = outcome.Files.Where(f => f.Ok && f.Note is not null).Select(f => f.Note!).ToList();
            w.WriteStartObject("checks");
            w.WriteNumber("flagged", notes.Sum(n => n.Errors + n.Warnings));
            w.WriteNumber("errors", notes.Sum(n => n.Errors));
            w.WriteNumber("warnings", notes.Sum(n => n.Warnings));
            w.WriteNumber("info", notes.Sum(n => n.Infos));
            w.WriteNumber("documentsFlagged", notes.Count(n => n.Errors + n.Warnings > 0));
            w.WriteEndObject();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(ms.ToArray());
    }

    /// <summary>The summary for people: outcomes, formats, speed, failures with their reasons, review queue and checks.</summary>
    public string Summary(string reportPath)
    {
        var sb = new StringBuilder();
        var t = outcome.Totals;
        var files = outcome.Files;
        int Count(string o) => files.Count(f => Outcome(f) == o);
        sb.AppendLine(CultureInfo.InvariantCulture, $"ingest: {files.Count} file(s): {Count("indexed")} indexed, {Count("unchanged")} unchanged (skipped), {Count("failed")} failed, {Count("failed-before")} failed before (unchanged, skipped)");
        foreach (var g in files.GroupBy(f => f.Format).OrderBy(g => g.Key, StringComparer.Ordinal))
            sb.AppendLine(CultureInfo.InvariantCulture, $"  {g.Key,-5} {g.Count(),6} file(s): {g.Count(f => Outcome(f) == "indexed")} indexed, {g.Count(f => Outcome(f) == "unchanged")} unchanged, {g.Count(f => !f.Ok)} failed");
        sb.AppendLine(CultureInfo.InvariantCulture, $"  {t.Done} extracted in {t.Elapsed.TotalSeconds:0.0} s: {t.FilesPerSecond:0.00} files/s, {t.PagesPerSecond:0.00} pages/s");
        if (Failures.Count > 0)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"failed files ({Failures.Count}):");
            foreach (var f in Failures) sb.AppendLine(CultureInfo.InvariantCulture, $"  {f.Path}: {f.Reason}{(f.Action == IngestAction.FailedBefore ? " (earlier run)" : "")}");
            // Files stopped by a bound, not by their content, may well go through with a wider one (a report of 100,000
            // table rows needs about 2.4 GB in its worker): say how, since an unchanged failed file is not tried again.
            var memory = Failures.Count(f => f.Reason?.StartsWith("out of memory", StringComparison.Ordinal) == true);
            var time = Failures.Count(f => f.Reason?.StartsWith("did not finish", StringComparison.Ordinal) == true);
            if (memory > 0) sb.AppendLine(CultureInfo.InvariantCulture, $"  {memory} stopped at the memory limit: run again with a larger --memory-limit (MiB) and --retry-failed");
            if (time > 0) sb.AppendLine(CultureInfo.InvariantCulture, $"  {time} stopped as too long: run again with a larger --timeout (s) and --retry-failed");
        }
        var notes = files.Where(f => f.Ok && f.Note is not null).Select(f => f.Note!).ToList();
        sb.AppendLine($"review: {Review.Count} report(s) with low-confidence values, tables to review, reading warnings or reading doubts" +
                      (Review.Count > 0 ? $" ({Review.Sum(r => r.Note!.LowConfidence)} value(s), {Review.Sum(r => r.Note!.Reading)} warning(s), {Review.Sum(r => r.Note!.Doubts)} doubt(s))" : ""));
        sb.AppendLine(CultureInfo.InvariantCulture, $"checks: {notes.Sum(n => n.Errors + n.Warnings)} flagged ({notes.Sum(n => n.Errors)} error(s), {notes.Sum(n => n.Warnings)} warning(s)) in {notes.Count(n => n.Errors + n.Warnings > 0)} report(s)");
        sb.Append(CultureInfo.InvariantCulture, $"run report: {reportPath}");
        return sb.ToString();
    }
}
