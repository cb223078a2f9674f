using System.Text.RegularExpressions;

namespace Baocao.Index;

/// <summary>
/// A content-addressed copy of each indexed source inside the data folder (<c>&lt;data&gt;/sources/&lt;sha256&gt;.pdf</c>,
/// <c>.docx</c>, <c>.doc</c>), so the web interface renders source pages and hands out the source file without ever
/// opening a path outside its data folder (or one taken from a request: it names a copy by the record's SHA-256 alone).
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

    /// <summary>Where ingest keeps its snapshots of the files being extracted (see Ingest/Snapshot); emptied at each run's start.</summary>
    public string IncomingFolder => Path.Combine(Folder, ".incoming");

    /// <summary>
    /// Keeps a copy of a source (PDF, DOCX or legacy DOC) under its hash; false for any other file, or when the bytes at
    /// <paramref name="bytesPath"/> do not have that hash (the file changed: no copy is better than a wrong one).
    /// Hashed while copied to a temporary name, then renamed, so a copy is whole or absent. A copy already there is kept
    /// when its own bytes have the hash, and replaced when they do not (a copy made from bytes that changed under an
    /// earlier version of this program).
    /// </summary>
    /// <param name="recordPath">The source file's path (its extension names the copy's).</param>
    /// <param name="bytesPath">Where its bytes are: the ingest's snapshot of it, or the file itself.</param>
    public bool Keep(string recordPath, string sha256, string? bytesPath = null)
    {
        if (KeptExtension(recordPath) is not { } ext) return false;
        var target = PathOf(sha256, ext) ?? throw new ArgumentException($"'{sha256}' is not a SHA-256 in hex");
        if (File.Exists(target) && HashOf(target) == sha256) return true;
        Directory.CreateDirectory(Folder);
        var tmp = target + "." + Environment.ProcessId + "." + Environment.CurrentManagedThreadId + ".tmp";
        try
        {
            if (CopyHashing(bytesPath ?? recordPath, tmp) != sha256) return false;
            File.Move(tmp, target, overwrite: true);
        }
        finally
        {
            if (File.Exists(tmp)) File.Delete(tmp);
        }
        return true;
    }

    private static string HashOf(string path)
    {
        using var f = File.OpenRead(path);
        return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(f));
    }

    /// <summary>Copies a file and returns the SHA-256 of exactly the bytes copied (one read of the source).</summary>
    public static string CopyHashing(string from, string to)
    {
        using var hash = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        // The source may be written to by another program meanwhile (that is why it is copied): never lock it.
        using (var src = new FileStream(from, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1 << 16))
        using (var dst = new FileStream(to, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
        {
            var buffer = new byte[1 << 16];
            int n;
            while ((n = src.Read(buffer, 0, buffer.Length)) > 0)
            {
                hash.AppendData(buffer, 0, n);
                dst.Write(buffer, 0, n);
            }
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>The extensions whose files are kept, as the copies name them.</summary>
    public static readonly IReadOnlyList<string> Extensions = [".pdf", ".docx", ".doc"];

    /// <summary>The copy's extension for a source path (lower case), null when such files are not kept.</summary>
    public static string? KeptExtension(string recordPath) =>
        Path.GetExtension(recordPath).ToLowerInvariant() is var e && Extensions.Contains(e) ? e : null;

    /// <summary>Where the copy of a PDF source with this hash is (whether or not it exists); null when the text is not a lower-case SHA-256.</summary>
    public string? PathOf(string sha256) => PathOf(sha256, ".pdf");

    /// <summary>Where the copy of a source with this hash and extension is (whether or not it exists); null when either is not one this store names.</summary>
    public string? PathOf(string sha256, string extension) =>
        Sha256Pattern().IsMatch(sha256) && Extensions.Contains(extension) ? Path.Combine(Folder, sha256 + extension) : null;

    /// <summary>The copy of a PDF source, null when it is not kept (a DOCX, or a PDF indexed before copies were kept).</summary>
    public string? Find(string sha256) => PathOf(sha256) is { } p && File.Exists(p) ? p : null;

    /// <summary>The copy of the source a record was read from (by its hash and its path's extension), null when it is not kept.</summary>
    public string? FindSource(string sha256, string recordPath) =>
        KeptExtension(recordPath) is { } e && PathOf(sha256, e) is { } p && File.Exists(p) ? p : null;
}
