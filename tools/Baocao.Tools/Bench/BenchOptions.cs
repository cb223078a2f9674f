using System.CommandLine;

namespace Baocao.Tools.Bench;

/// <summary>The options the bench verbs that build their inputs share: the corpus they build from and the folder to keep.</summary>
public static class BenchOptions
{
    public static Option<string> Corpus(string description) =>
        new("--dir") { Description = description, DefaultValueFactory = _ => "corpus-samples" };

    public static Option<string?> Keep(string description) => new("--keep") { Description = description };
}

/// <summary>
/// A bench's work folder: a new temporary folder, removed when the bench ends, or the <c>--keep</c> folder (created; it
/// must be empty, the bench writes its inputs there), which stays. <see cref="Kept"/> may be set to keep a temporary
/// folder too (a failed run's evidence).
/// </summary>
public sealed class BenchFolder : IDisposable
{
    private BenchFolder(string path, bool kept) => (Path, Kept) = (path, kept);

    public string Path { get; }

    /// <summary>Whether the folder stays after <see cref="Dispose"/>.</summary>
    public bool Kept { get; set; }

    /// <summary>The work folder, or null after one line on stderr when the corpus is missing or the keep folder is not empty.</summary>
    public static BenchFolder? Open(string corpus, string? keep, string name)
    {
        if (!Directory.Exists(corpus)) { Console.Error.WriteLine($"error: {corpus}: no such folder"); return null; }
        if (keep is null) return new BenchFolder(Directory.CreateTempSubdirectory(name).FullName, false);
        if (Directory.Exists(keep) && Directory.EnumerateFileSystemEntries(keep).Any())
        {
            Console.Error.WriteLine($"error: {keep}: the folder is not empty (the bench generates its inputs there)");
            return null;
        }
        return new BenchFolder(Directory.CreateDirectory(keep).FullName, true);
    }

    public void Dispose()
    {
        if (!Kept) Directory.Delete(Path, true);
    }
}
