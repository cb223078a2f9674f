namespace Baocao.Web;

/// <summary>
/// How the web interface runs: the index it reads (a SQLite file or an Elasticsearch URL), the address it listens on
/// (loopback by default: port 0 picks a free port), and the resolution of the source page images.
/// </summary>
/// <param name="ShowPaths">Show source paths whole in pages, API and exports (by default relative to the folder holding every indexed file, see PathView).</param>
/// <param name="ReadOnly">Refuse every write (the reviewers' decisions) with 403: <c>serve --read-only</c>.</param>
/// <param name="Token">The write token a reviewer gives with each decision; null makes a random one at start (printed by <c>serve</c>).</param>
public sealed record ServeOptions(string Index, int Port = 5080, string Host = "127.0.0.1", int PageDpi = 150, bool ShowPaths = false, bool ReadOnly = false, string? Token = null)
{
    /// <summary>The data folder: the folder of the index file (the default index lives in $BAOCAO_DATA or ./data).</summary>
    public string DataFolder => Baocao.Index.SourceStore.DataFolderOf(Index);
}
