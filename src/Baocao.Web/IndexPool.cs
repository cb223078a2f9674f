using System.Collections.Concurrent;
using Baocao.Index;

namespace Baocao.Web;

/// <summary>
/// Open read-only handles on the index, one per concurrent request: an index handle (a SQLite connection and its
/// temporary tables) serves one query at a time. Handles are opened on demand and kept for the next request.
/// </summary>
public sealed class IndexPool(string location) : IDisposable
{
    private readonly ConcurrentBag<IReportIndex> idle = [];

    public string Location { get; } = location;

    /// <summary>Runs <paramref name="work"/> with a handle of its own; a handle that failed is closed rather than kept.</summary>
    public T Use<T>(Func<IReportIndex, T> work)
    {
        var index = idle.TryTake(out var i) ? i : IndexLocation.OpenRead(Location);
        try
        {
            var result = work(index);
            idle.Add(index);
            return result;
        }
        catch
        {
            index.Dispose();
            throw;
        }
    }

    /// <summary>
    /// A stamp that moves when the index is written: the SQLite file's and its write-ahead log's times and lengths (every
    /// commit appends to the log or, at a checkpoint, rewrites the file). Null for an index at a URL, which is never cached.
    /// Cheaper than asking the index: no handle, no query.
    /// </summary>
    public string? Stamp()
    {
        if (IndexLocation.IsUrl(Location)) return null;
        static string Of(string f)
        {
            var i = new FileInfo(f);
            return i.Exists ? $"{i.LastWriteTimeUtc.Ticks}:{i.Length}" : "-";
        }
        return Of(Location) + "|" + Of(Location + "-wal");
    }

    public void Dispose()
    {
        while (idle.TryTake(out var i)) i.Dispose();
    }
}

/// <summary>A request the server refuses, with its status (400, 404 …) and the one-line reason shown to the user.</summary>
public sealed class HttpError(int status, string message) : Exception(message)
{
    public int Status { get; } = status;

    public static HttpError BadRequest(string message) => new(400, message);

    public static HttpError NotFound(string message) => new(404, message);
}
