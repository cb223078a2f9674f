using Baocao.Index;

namespace Baocao.Web;

/// <summary>
/// How the web interface and its API show a source file's path. A server answers whoever reaches it, so by default it
/// does not reveal where the archive sits on its disk ("/home/archivist/…"): paths are shown relative to the folder
/// that holds every indexed file (the folder an archive was ingested from, or their common parent when several were),
/// e.g. "2021/Q2/bao-cao.pdf". <c>serve --show-paths</c> shows them whole.
/// </summary>
internal sealed class PathView(IndexPool pool, bool showPaths)
{
    private static readonly TimeSpan Refresh = TimeSpan.FromSeconds(30);
    private string? root;
    private DateTime rootAt;

    public bool ShowsPaths => showPaths;

    public string Show(string path)
    {
        if (showPaths) return path;
        var r = Root();
        if (r is null || !path.StartsWith(r, StringComparison.Ordinal)) return Path.GetFileName(path);
        return Path.GetRelativePath(r, path);
    }

    /// <summary>The deepest folder holding every indexed file; re-read now and then as ingests add files.</summary>
    private string? Root()
    {
        if (root is not null && DateTime.UtcNow - rootAt < Refresh) return root;
        string? common = null;
        pool.Use(i =>
        {
            foreach (var s in i.Sources())
            {
                var dir = Path.GetDirectoryName(s.Path) ?? "/";
                common = common is null ? dir : CommonFolder(common, dir);
            }
            return 0;
        });
        (root, rootAt) = (common is null ? null : common.TrimEnd('/') + "/", DateTime.UtcNow);
        return root;
    }

    internal static string CommonFolder(string a, string b)
    {
        var pa = a.Split('/');
        var pb = b.Split('/');
        var n = 0;
        while (n < pa.Length && n < pb.Length && pa[n] == pb[n]) n++;
        var joined = string.Join('/', pa.Take(n));
        return joined.Length == 0 ? "/" : joined;
    }
}
