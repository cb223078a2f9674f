using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Baocao.Tools.Bench;

/// <summary>
/// <c>bench memory</c>: the peak resident memory of an ingest on huge inputs, the ingest process and its worker apart
/// (the worker's is bounded by <c>--memory-limit</c>; the ingest process's own is what this watches). Builds, in a temp
/// folder, a DOCX whose form table has N data rows (a corpus sample's table, its data row repeated) and a PDF of N pages
/// (a corpus sample's pages over and over, by poppler's <c>pdfunite</c>), then runs <c>baocao ingest</c> on each as a
/// child process and reads the high-water marks (VmHWM in /proc/PID/status) of it and of its worker, every 100 ms
/// while it runs: a high-water mark only grows, so the last reading before a process ends is its peak.
/// </summary>
public static class BenchMemoryCommand
{
    public static void AddTo(Command bench, BenchHost host)
    {
        var dir = BenchOptions.Corpus("the corpus to build from");
        var rows = new Option<int>("--rows") { Description = "data rows of the DOCX table", DefaultValueFactory = _ => 100_000 };
        var pages = new Option<int>("--pages") { Description = "pages of the PDF", DefaultValueFactory = _ => 2000 };
        var keep = BenchOptions.Keep("build the inputs and indexes in this folder and keep them");
        var cmd = new Command("memory", "Peak memory of the ingest process and of its worker on a huge table (DOCX) and a long PDF") { dir, rows, pages, keep };
        cmd.SetAction(p => Run(p.GetValue(dir)!, Math.Max(1, p.GetValue(rows)), Math.Max(1, p.GetValue(pages)), p.GetValue(keep), host));
        bench.Subcommands.Add(cmd);
    }

    private static int Run(string corpus, int rows, int pages, string? keep, BenchHost host)
    {
        using var folder = BenchFolder.Open(corpus, keep, "baocao-bench-memory");
        if (folder is null) return 1;
        var work = folder.Path;
        {
            var docx = Path.Combine(work, $"table-{rows}-rows.docx");
            BuildDocx(Path.Combine(corpus, "14-skhdt-vinhlong-q1-2022.docx"), docx, rows);
            Console.WriteLine($"{Path.GetFileName(docx)}: {new FileInfo(docx).Length / 1024} KiB");
            var pdf = Path.Combine(work, $"long-{pages}-pages.pdf");
            if (!BuildPdf(Path.Combine(corpus, "07-ubnd-phucat-t5-2022.pdf"), pdf, pages, work)) return 1;
            Console.WriteLine($"{Path.GetFileName(pdf)}: {new FileInfo(pdf).Length / 1024} KiB");
            var failed = false;
            foreach (var file in new[] { docx, pdf })
            {
                var (code, parent, worker, secs, output) = Measure(host, file, Path.Combine(work, Path.GetFileNameWithoutExtension(file) + ".db"));
                var last = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? "";
                Console.WriteLine($"{Path.GetFileName(file),-28} ingest process peak {parent / 1024,6} MiB, worker peak {worker / 1024,6} MiB, {secs,6:0.0} s, exit {code}: {last}");
                failed |= code != 0;
            }
            return failed ? 1 : 0;
        }
    }

    /// <summary>The sample's largest table with its last data row (the one before the totals row) repeated to <paramref name="rows"/> rows, plain cells (no formatting, so the document stays within the DOCX bounds).</summary>
    private static void BuildDocx(string sample, string output, int rows)
    {
        File.Copy(sample, output, true);
        using var doc = WordprocessingDocument.Open(output, true);
        var body = doc.MainDocumentPart!.Document!.Body!;
        var table = body.Descendants<Table>().MaxBy(t => t.Elements<TableRow>().Count())!;
        var existing = table.Elements<TableRow>().ToList();
        var template = existing[^2];
        var total = existing[^1];
        // Appended, not inserted before the totals row: OpenXml finds an insertion point by walking the siblings.
        total.Remove();
        template.Remove();
        var rng = new Random(1);
        for (var i = 0; i < rows; i++)
        {
            var row = new TableRow();
            var c = 0;
            foreach (var cell in template.Elements<TableCell>())
            {
                var tc = new TableCell();
                if (cell.TableCellProperties?.GridSpan is { } span) tc.Append(new TableCellProperties(new GridSpan { Val = span.Val }));
                var text = c switch
                {
                    0 => (i + 1).ToString(CultureInfo.InvariantCulture),
                    1 => $"Lĩnh vực thử nghiệm {i + 1}",
                    _ => rng.Next(0, 500).ToString(CultureInfo.InvariantCulture),
                };
                tc.Append(new Paragraph(new Run(new DocumentFormat.OpenXml.Wordprocessing.Text(text))));
                row.Append(tc);
                c++;
            }
            table.AppendChild(row);
        }
        table.AppendChild(total);
        doc.MainDocumentPart.Document.Save();
    }

    /// <summary>The sample's pages repeated to <paramref name="pages"/> pages (poppler's pdfunite, the sample named as often as needed, then cut to size).</summary>
    private static bool BuildPdf(string sample, string output, int pages, string work)
    {
        var per = int.Parse(Tool("pdfinfo", [sample]).Split('\n')
            .First(l => l.StartsWith("Pages:", StringComparison.Ordinal))[6..].Trim(), CultureInfo.InvariantCulture);
        var copies = (pages + per - 1) / per;
        var whole = Path.Combine(work, "whole.pdf");
        Tool("pdfunite", [.. Enumerable.Repeat(sample, copies), whole]);
        if (copies * per == pages) File.Move(whole, output, true);
        else
        {
            // pdfseparate/pdfunite would take 2,000 files; qpdf is not a dependency: keep the first pages with pdfunite of
            // the whole run less the last copy, plus the pages wanted of one more copy.
            Tool("pdfseparate", ["-l", (pages - (copies - 1) * per).ToString(CultureInfo.InvariantCulture), sample, Path.Combine(work, "p%d.pdf")]);
            var tail = Enumerable.Range(1, pages - (copies - 1) * per).Select(i => Path.Combine(work, $"p{i}.pdf"));
            Tool("pdfunite", [.. Enumerable.Repeat(sample, copies - 1), .. tail, output]);
            File.Delete(whole);
        }
        return true;
    }

    /// <summary>Runs a poppler tool to its end; its standard output. Throws when it fails (the bench stops there).</summary>
    private static string Tool(string name, IEnumerable<string> args)
    {
        var psi = new ProcessStartInfo(name) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi) ?? throw new InvalidOperationException($"{name} could not be started");
        var err = p.StandardError.ReadToEndAsync();
        var output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0) throw new InvalidOperationException($"{name} failed: {err.Result.Trim()}");
        return output;
    }

    /// <summary>Runs <c>baocao ingest FILE</c> (one worker) and samples the high-water marks of it and of its children.</summary>
    private static (int Code, long ParentKiB, long WorkerKiB, double Seconds, string Output) Measure(BenchHost host, string file, string index)
    {
        var cmd = host.Self(["ingest", file, "--index", index, "--workers", "1", "--memory-limit", "16384", "--timeout", "3600"]);
        var psi = new ProcessStartInfo(cmd[0]) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in cmd.Skip(1)) psi.ArgumentList.Add(a);
        var clock = Stopwatch.StartNew();
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        var peaks = new Dictionary<int, long>();
        while (!p.WaitForExit(100))
        {
            Sample(p.Id, peaks);
            foreach (var child in Baocao.Ingest.ProcessTreeCpu.Children(p.Id)) Sample(child, peaks); // its workers
        }
        var parent = peaks.GetValueOrDefault(p.Id);
        var worker = peaks.Where(kv => kv.Key != p.Id).Select(kv => kv.Value).DefaultIfEmpty(0).Max();
        return (p.ExitCode, parent, worker, clock.Elapsed.TotalSeconds, stdout.Result + stderr.Result);
    }

    private static void Sample(int pid, Dictionary<int, long> peaks)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                    peaks[pid] = Math.Max(peaks.GetValueOrDefault(pid), long.Parse(line[6..].Trim().Split(' ')[0], CultureInfo.InvariantCulture));
        }
        catch (IOException) { } // ended between the listing and the reading
    }
}
