namespace Baocao.Readers;

/// <summary>The first bytes of a file, read once before any parser runs, so common failures get a precise message.</summary>
public static class FileHead
{
    /// <summary>Reads up to <paramref name="count"/> bytes. An empty file is a bad input of its own.</summary>
    public static byte[] Read(string path, int count)
    {
        if (new FileInfo(path).Length == 0) throw new BadInputException(path, "empty file (0 bytes)");
        var head = new byte[count];
        using var f = File.OpenRead(path);
        var n = f.Read(head);
        return head[..n];
    }
}
