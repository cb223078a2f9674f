using System.Text.RegularExpressions;

namespace Baocao.Index;

/// <summary>
/// A content-addressed copy of each indexed PDF inside the data folder (<c>&lt;data&gt;/sources/&lt;sha256&gt;.pdf</c>), so
/// the web interface renders source pages without ever opening a path outside its data folder (or one taken from a
/// request: it names a copy by the record's SHA-256 alone). DOCX sources are not kept: they have no page geometry to show.
/// </summary>
public sealed partial class SourceStore(string dataFolder)
{
    public string Folder { get; } = Path.Combine(Path.GetFullPath(dataFolder), "sources");

    [GeneratedRegex("^[0-9a-f]{64}$")]
    private static partial Regex Sha256Pattern();

    /// <summary>
    /// The data folder an index belongs to: the folder holding its file (the default index is in <see cref="IndexLocation.DataFolder"/>);
    /// for an Elasticsearch URL, the data folder itself.
    /// </summary>
    public static string DataFolderOf(string indexLocation) =>
        IndexLocation.IsUrl(indexLocation) ? Path.GetFullPath(IndexLocation.DataFolder) : Path.GetDirectoryName(Path.GetFullPath(indexLocation))!;

    public static SourceStore For(string indexLocation) => new(DataFolderOf(indexLocation));

    /// <summary>
    /// Keeps a copy of a PDF source under its hash; false for a DOCX (nothing to keep). Written to a temporary name first
    /// and renamed, so a copy is whole or absent; a copy already there is left as it is (same hash, same bytes).
    /// </summary>
    public bool Keep(string sourcePath, string sha256)
    {
        if (!string.Equals(Path.GetExtension(sourcePath), ".pdf", StringComparison.OrdinalIgnoreCase)) return false;
        var target = PathOf(sha256) ?? throw new ArgumentException($"'{sha256}' is not a SHA-256 in hex");
        if (File.Exists(target)) return true;
        Directory.CreateDirectory(Folder);
        var tmp = target + "." + Environment.ProcessId + ".tmp";
        try
        {
            File.Copy(sourcePath, tmp, overwrite: true);
            File.Move(tmp, target, overwrite: true);
        }
        finally
        {
            if (File.Exists(tmp)) File.Delete(tmp);
        }
        return true;
    }

    /// <summary>Where the copy of a source with this hash is (whether or not it exists); null when the text is not a lower-case SHA-256.</summary>
    public string? PathOf(string sha256) => Sha256Pattern().IsMatch(sha256) ? Path.Combine(Folder, sha256 + ".pdf") : null;

    /// <summary>The copy of a source, null when it is not kept (a DOCX, or a PDF indexed before copies were kept).</summary>
    public string? Find(string sha256) => PathOf(sha256) is { } p && File.Exists(p) ? p : null;
}
