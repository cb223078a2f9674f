namespace Baocao.Index;

/// <summary>The files an ingest reads: files as given, folders walked recursively for the extractor's extensions.</summary>
public static class SourceFiles
{
    /// <summary>Files in a stable order (each folder's files sorted by path), and the paths that do not exist.</summary>
    public static (List<string> Files, List<string> Missing) Expand(IEnumerable<string> paths, IReadOnlyCollection<string> extensions)
    {
        var files = new List<string>();
        var missing = new List<string>();
        foreach (var p in paths)
        {
            if (Directory.Exists(p))
                files.AddRange(Directory.EnumerateFiles(p, "*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true })
                    .Where(f => extensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
                    // Word's lock files ("~$report.docx") sit beside open documents and are not reports.
                    .Where(f => !Path.GetFileName(f).StartsWith("~$", StringComparison.Ordinal))
                    .Order(StringComparer.Ordinal));
            else if (File.Exists(p)) files.Add(p);
            else missing.Add(p);
        }
        return (files.Distinct().ToList(), missing);
    }
}
