using Baocao.Native;
using Baocao.Pipeline;
using Baocao.Readers;
using Baocao.Reports;
using Baocao.Text;

namespace Baocao.Cli;

/// <summary>Extraction of a batch of files for <c>extract</c> and <c>check</c>: a bad file costs one line on stderr, the rest go on.</summary>
internal static class BatchExtraction
{
    /// <summary>Extracts every file in order; a bad one gets its one line on stderr and is counted in <paramref name="failed"/>.</summary>
    internal static List<ReportRecord> ExtractAll(IEnumerable<string> files, out int failed)
    {
        var extractor = Extractor.CreateDefault();
        var records = new List<ReportRecord>();
        failed = 0;
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
