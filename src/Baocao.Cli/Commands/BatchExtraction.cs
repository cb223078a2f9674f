using Baocao.Ingest;
using Baocao.Native;
using Baocao.Pipeline;
using Baocao.Readers;
using Baocao.Reports;
using Baocao.Text;

namespace Baocao.Cli;

/// <summary>Extraction of a batch of files for <c>extract</c> and <c>check</c>: a bad file costs one line on stderr, the rest go on.</summary>
internal static class BatchExtraction
{
    /// <summary>What one file may take in its worker process (as <c>ingest</c>'s defaults).</summary>
    private static readonly WorkerOptions Isolated = new(WorkerCommand.SelfCommand([WorkerCommand.Name, "--ocr-workers", Environment.ProcessorCount.ToString(System.Globalization.CultureInfo.InvariantCulture)]),
        TimeSpan.FromSeconds(300), 2048);

    /// <summary>
    /// Extracts every file in order; a bad one gets its one line on stderr and is counted in <paramref name="failed"/>.
    /// Several files are read in a worker process, as <c>ingest</c> reads them: a stack overflow, an out-of-memory abort
    /// or a native crash on one file cannot be caught in .NET and would end this process with every other file's output
    /// unprinted; in the worker it costs that file only (and the next file gets a fresh worker). One file alone is read
    /// here (nothing else to lose, and no worker to start).
    /// </summary>
    internal static List<ReportRecord> ExtractAll(IReadOnlyList<string> files, out int failed)
    {
        failed = 0;
        var records = new List<ReportRecord>();
        if (files.Count > 1)
        {
            using var worker = new WorkerProcessExtractor(Isolated);
            foreach (var f in files)
            {
                var o = worker.Extract(f);
                if (o.Record is { } r) records.Add(r);
                else
                {
                    Console.Error.WriteLine($"error: {LogText.Escape(f)}: {LogText.Escape(o.Reason)}");
                    failed++;
                }
            }
            return records;
        }
        var extractor = Extractor.CreateDefault();
        foreach (var f in files)
        {
            try { records.Add(extractor.Extract(f)); }
            catch (BadInputException e)
            {
                Console.Error.WriteLine($"error: {LogText.Escape(e.FilePath)}: {LogText.Escape(e.Reason)}");
                failed++;
            }
            catch (ToolMissingException e)
            {
                Console.Error.WriteLine($"error: {LogText.Escape(f)}: {LogText.Escape(e.Message)}");
                failed++;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // A bug or an input no check foresaw: still one line for this file, and the rest go on.
                Console.Error.WriteLine($"error: {LogText.Escape(f)}: could not be extracted ({e.GetType().Name}: {LogText.Escape(e.Message.Split('\n')[0])})");
                failed++;
            }
        }
        return records;
    }
}
