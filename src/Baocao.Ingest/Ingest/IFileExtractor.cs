using Baocao.Native;
using Baocao.Pipeline;
using Baocao.Readers;
using Baocao.Reports;

namespace Baocao.Ingest;

/// <summary>The outcome of extracting one file: its record, or the one-line reason it failed.</summary>
public sealed record FileOutcome(string Path, ReportRecord? Record, string? Reason)
{
    /// <summary>A record too large to hold, in a file instead of <see cref="Record"/> (see <see cref="WorkerOptions.SpillAboveBytes"/>); the taker disposes of it.</summary>
    public Index.SpilledRecord? Spilled { get; init; }

    public bool Ok => Record is not null || Spilled is not null;
}

/// <summary>Extracts files one at a time (one per worker slot of an ingest); never throws for a bad file.</summary>
public interface IFileExtractor : IDisposable
{
    /// <summary>Extracts the file at <paramref name="path"/>, reading its bytes from <paramref name="readFrom"/> when given (a snapshot of it): the record names the path.</summary>
    FileOutcome Extract(string path, string? readFrom = null);
}

/// <summary>
/// Extraction in this process. Used by the worker process itself, and where isolation is not wanted (tests of the
/// ingest logic): a native crash here would end the whole program, see <see cref="WorkerProcessExtractor"/>.
/// </summary>
public sealed class InProcessExtractor(Extractor extractor) : IFileExtractor
{
    public FileOutcome Extract(string path, string? readFrom = null)
    {
        try { return new FileOutcome(path, extractor.Extract(path, readFrom), null); }
        catch (Exception e) when (e is not OutOfMemoryException) { return new FileOutcome(path, null, Reason(e, path)); }
    }

    /// <summary>The one-line reason for an exception met while extracting a file.</summary>
    public static string Reason(Exception e, string path) => e switch
    {
        BadInputException b => b.Reason,
        ToolMissingException t => t.Message,
        // A bug or an input no check foresaw: still one line for this file, and the rest go on.
        _ => $"could not be extracted ({e.GetType().Name}: {e.Message.Split('\n')[0]})",
    };

    public void Dispose() { }
}
