namespace Baocao.Ingest;

/// <summary>
/// One file's bytes as they were at one moment: copied once into a private folder while being hashed, so the hash, the
/// extraction and the source copy all come from the same bytes. Without it a file that changes during ingest (an
/// archivist still copying a folder, a sync tool) could be hashed as one document and read as another, and its record
/// or source copy would hold the other's content for good. The copy keeps the file's extension (readers go by it).
/// </summary>
public sealed class Snapshot : IDisposable
{
    public string OriginalPath { get; }
    /// <summary>The private copy to read.</summary>
    public string Path { get; }
    /// <summary>SHA-256 of exactly the bytes in <see cref="Path"/>.</summary>
    public string Sha256 { get; }

    private Snapshot(string original, string path, string sha) => (OriginalPath, Path, Sha256) = (original, path, sha);

    /// <summary>Copies and hashes in one read. Throws IOException or UnauthorizedAccessException when the file cannot be read.</summary>
    public static Snapshot Take(string path, string folder)
    {
        Directory.CreateDirectory(folder);
        var copy = System.IO.Path.Combine(folder, $"{Guid.NewGuid():N}{System.IO.Path.GetExtension(path).ToLowerInvariant()}");
        try
        {
            return new Snapshot(path, copy, Index.SourceStore.CopyHashing(path, copy));
        }
        catch
        {
            File.Delete(copy);
            throw;
        }
    }

    public void Dispose()
    {
        try { File.Delete(Path); }
        catch (IOException) { } // a copy left behind is removed with the folder at the next run's start
    }
}
