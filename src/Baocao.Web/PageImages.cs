using System.Collections.Concurrent;
using Baocao.Index;
using Baocao.Native;
using Baocao.Readers;

namespace Baocao.Web;

/// <summary>
/// Source page images, rendered from the data folder's copy of the PDF (<see cref="SourceStore"/>, named by the
/// record's hash) into a cache beside it (<c>&lt;data&gt;/pages/&lt;sha256&gt;-&lt;page&gt;-&lt;dpi&gt;.png</c>). Paths
/// are made from the hash and two integers only: nothing from a request becomes a path.
/// </summary>
public sealed class PageImages(SourceStore sources, string dataFolder, IPageRenderer renderer, int dpi)
{
    private readonly string cache = Path.Combine(Path.GetFullPath(dataFolder), "pages");
    private readonly ConcurrentDictionary<string, SemaphoreSlim> locks = new();

    public int Dpi { get; } = dpi;

    /// <summary>Whether the PDF copy of a source is in the data folder.</summary>
    public bool Has(string sha256) => sources.Find(sha256) is not null;

    /// <summary>The data folder's copies of the sources (the source download reads them too).</summary>
    public SourceStore Sources => sources;

    /// <summary>The PNG of a page; a 404 when the copy is absent or the page is out of range, a 422 when it cannot be rendered.</summary>
    public async Task<string> PageAsync(string sha256, int page, int pages)
    {
        var pdf = sources.Find(sha256) ?? throw HttpError.NotFound("the source PDF of this document is not in the data folder (re-ingest it to keep a copy)");
        if (page < 1 || page > pages) throw HttpError.NotFound($"page {page} does not exist (the document has {pages} page(s))");
        var png = Path.Combine(cache, $"{sha256}-{page}-{Dpi}.png");
        if (File.Exists(png)) return png;
        var gate = locks.GetOrAdd(png, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync();
        try
        {
            if (File.Exists(png)) return png;
            Directory.CreateDirectory(cache);
            try { await Task.Run(() => renderer.RenderPng(pdf, page, Dpi, png)); }
            catch (BadInputException e) { throw new HttpError(422, $"page {page} could not be rendered: {e.Reason}"); }
            catch (ToolMissingException e) { throw new HttpError(503, e.Message); }
            return png;
        }
        finally { gate.Release(); }
    }
}
