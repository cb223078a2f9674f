namespace Baocao.Ingest;

/// <summary>
/// A full disk, from wherever it surfaced: SQLite's SQLITE_FULL (error 13) while writing the index, or ENOSPC from a
/// file write (a snapshot, a source copy). An ingest stops at the first one with one line: the files extracted but not
/// yet written are simply extracted again by the next run, which resumes where this one stopped.
/// </summary>
public static class DiskFull
{
    private const int SqliteFull = 13;
    private const int Enospc = 28;

    public static bool Is(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: SqliteFull }) return true;
            // .NET on Unix gives an IOException the errno as its HResult.
            if (e is IOException io && (io.HResult == Enospc || io.Message.Contains("No space left on device", StringComparison.Ordinal))) return true;
            if (e is AggregateException a && a.InnerExceptions.Any(Is)) return true;
        }
        return false;
    }

    /// <summary>The one line for the user: the folder, the space free, and about how much more the run needs.</summary>
    public static string Message(string folder, long bytesStillToRead)
    {
        long? free = null;
        try { free = new DriveInfo(Path.GetFullPath(folder)).AvailableFreeSpace; }
        catch (Exception e) when (e is IOException or ArgumentException or UnauthorizedAccessException) { }
        // The index and the PDF copies take about the size of the files read; twice that leaves room for SQLite's journal.
        var needed = Math.Max(64L << 20, bytesStillToRead * 2);
        return $"the disk is full ({(free is { } f ? $"{Mib(f)} MiB free" : "free space unknown")}); free about {Mib(needed)} MiB more and run the same command again: " +
               "the reports indexed so far are kept and the run resumes with the rest";
    }

    private static long Mib(long bytes) => (bytes + (1 << 20) - 1) >> 20;
}
