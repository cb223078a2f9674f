using Mono.Unix;

namespace Baocao.Ingest;

/// <summary>What a walk found: the files to read, the paths that do not exist, and what it skipped and why.</summary>
public sealed record WalkResult(List<string> Files, List<string> Missing, List<(string Path, string Reason)> Skipped);

/// <summary>What the walk met, one item at a time: a file to read, a path given that does not exist, or a path skipped and why.</summary>
public enum WalkKind { File, Missing, Skipped }

/// <inheritdoc cref="WalkKind"/>
public readonly record struct WalkItem(WalkKind Kind, string Path, string? Reason = null);

/// <summary>
/// The files an ingest reads: files as given, folders walked recursively for the extractor's extensions. Archive folders
/// hold links and, now and then, special files, so the walk can neither loop nor block:
/// - each real directory is walked once (known by device and inode), so a link back up ("loop -> .") or two links to
///   each other end the walk there instead of repeating or growing it without end;
/// - a link leading out of the folders given is followed only with <c>followLinks</c> (an archive copied with links into
///   a system folder must not pull that folder in);
/// - FIFOs, devices and sockets are skipped with a reason each (reading a FIFO named *.pdf, or a link to /dev/zero,
///   would block or never end); so are broken links.
/// The walk streams (<see cref="Walk"/>): each file is handed on as soon as its folder is listed, so an ingest of ten
/// years of folders starts work on the first report instead of after the whole tree is listed. Each folder's files come
/// in one stable order, that of their paths (ordinal), whatever order the file system lists them in.
/// The file type, device and inode come from lstat/stat through Mono.Unix: .NET's file API reports a FIFO as a plain
/// file and has no inode.
/// </summary>
public static class FolderWalk
{
    /// <summary>The whole walk at once (tests, benches, the paths of a disk-full message).</summary>
    public static WalkResult Expand(IEnumerable<string> paths, IReadOnlyCollection<string> extensions, bool followLinks = false)
    {
        var result = new WalkResult([], [], []);
        foreach (var item in Walk(paths, extensions, followLinks))
        {
            switch (item.Kind)
            {
                case WalkKind.File: result.Files.Add(item.Path); break;
                case WalkKind.Missing: result.Missing.Add(item.Path); break;
                default: result.Skipped.Add((item.Path, item.Reason!)); break;
            }
        }
        return result;
    }

    /// <summary>
    /// The walk as it goes: lazy, each folder listed only when the items before it have been taken. Enumerate it once
    /// (its "each real folder once" memory lives in the enumeration).
    /// </summary>
    public static IEnumerable<WalkItem> Walk(IEnumerable<string> paths, IReadOnlyCollection<string> extensions, bool followLinks = false)
    {
        var given = paths.ToList();
        // The real paths of the folders given: a link is "out of the roots" when its target is under none of them.
        var roots = given.Select(p => RealPath(p)).OfType<string>().ToList();
        var seenDirs = new HashSet<(ulong, ulong)>();
        var seenFiles = new HashSet<(ulong, ulong)>();
        bool Wanted(string p) => extensions.Contains(Path.GetExtension(p), StringComparer.OrdinalIgnoreCase)
                                 // Word's lock files ("~$report.docx") sit beside open documents and are not reports.
                                 && !Path.GetFileName(p).StartsWith("~$", StringComparison.Ordinal);
        bool NewFile(UnixFileSystemInfo target) => seenFiles.Add(((ulong)target.Device, (ulong)target.Inode));

        IEnumerable<WalkItem> Dir(string dir, UnixFileSystemInfo target)
        {
            if (!seenDirs.Add(((ulong)target.Device, (ulong)target.Inode))) yield break;
            string[] entries;
            string? unreadable = null;
            try { entries = Directory.GetFileSystemEntries(dir); }
            catch (Exception e) when (e is UnauthorizedAccessException or IOException)
            {
                entries = [];
                unreadable = $"folder not readable ({e.Message.Split('\n')[0].TrimEnd('.')})";
            }
            if (unreadable is not null) { yield return new WalkItem(WalkKind.Skipped, dir, unreadable); yield break; }
            var resolved = entries.Select(e => (Entry: e, Found: Resolve(e, roots, followLinks))).ToList();
            // Depth first in the order of the paths: a folder sorts as its name with "/" after it, as its files' paths
            // do ("a-c.pdf" before "a/x.pdf", since '-' < '/'), so the files come out sorted by their whole path.
            string Key((string Entry, (UnixFileSystemInfo? Info, string? Reason) Found) x) =>
                x.Found.Info?.FileType == FileTypes.Directory ? x.Entry + "/" : x.Entry;
            resolved.Sort((a, b) => string.CompareOrdinal(Key(a), Key(b)));
            foreach (var (entry, (info, reason)) in resolved)
            {
                if (info is null)
                {
                    // Say why only for what would have been read: a socket or a dangling link with no report's extension is
                    // nobody's business.
                    if (reason is not null && Wanted(entry)) yield return new WalkItem(WalkKind.Skipped, entry, reason);
                }
                else if (info.FileType == FileTypes.Directory)
                {
                    foreach (var item in Dir(entry, info)) yield return item;
                }
                else if (Wanted(entry) && NewFile(info)) yield return new WalkItem(WalkKind.File, entry);
            }
        }

        foreach (var p in given)
        {
            UnixFileSystemInfo? info = null;
            try
            {
                // A path given on the command line is followed even when it is a link: the user named it.
                var entry = UnixFileSystemInfo.GetFileSystemEntry(p);
                info = entry.IsSymbolicLink ? new UnixFileInfo(p) : entry;
                if (!info.Exists) info = null;
                else _ = info.FileType; // stat now, inside the try: a link to nothing throws here
            }
            catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or InvalidOperationException or UnixIOException)
            {
                info = null;
            }
            if (info is null) { yield return new WalkItem(WalkKind.Missing, p); continue; }
            switch (info.FileType)
            {
                case FileTypes.Directory:
                    foreach (var item in Dir(p, info)) yield return item;
                    break;
                case FileTypes.RegularFile:
                    if (NewFile(info)) yield return new WalkItem(WalkKind.File, p);
                    break;
                default: yield return new WalkItem(WalkKind.Skipped, p, NotAFile(info.FileType)); break;
            }
        }
    }

    /// <summary>The entry's own file (a link's target), or null and the reason to skip it (null reason: skip quietly).</summary>
    private static (UnixFileSystemInfo? Info, string? Reason) Resolve(string entry, List<string> roots, bool followLinks)
    {
        UnixFileSystemInfo info;
        try { info = UnixFileSystemInfo.GetFileSystemEntry(entry); }
        catch (Exception e) when (e is UnixIOException or IOException or InvalidOperationException) { return (null, $"cannot be read ({e.Message.Split('\n')[0].TrimEnd('.')})"); }
        if (info.IsSymbolicLink)
        {
            var real = RealPath(entry);
            if (real is null) return (null, "a broken link");
            if (!followLinks && !roots.Any(r => Under(real, r)))
                return (null, $"a link out of the folders given (to {real}; --follow-links follows it)");
            try { info = new UnixFileInfo(real); _ = info.FileType; }
            catch (Exception e) when (e is UnixIOException or IOException or InvalidOperationException) { return (null, "a broken link"); }
        }
        return info.FileType switch
        {
            FileTypes.Directory or FileTypes.RegularFile => (info, null),
            var t => (null, NotAFile(t)),
        };
    }

    private static string NotAFile(FileTypes t) => t switch
    {
        FileTypes.Fifo => "skipped: a FIFO (named pipe), not a file",
        FileTypes.CharacterDevice or FileTypes.BlockDevice => "skipped: a device, not a file",
        FileTypes.Socket => "skipped: a socket, not a file",
        _ => $"skipped: not a regular file ({t})",
    };

    private static bool Under(string path, string root) =>
        path == root || path.StartsWith(root.EndsWith('/') ? root : root + "/", StringComparison.Ordinal);

    /// <summary>
    /// The path with every link resolved, or null when it does not resolve (a broken link, a cycle of links). libc's
    /// realpath(3), which stops a cycle with ELOOP: Mono.Unix's UnixPath.GetCompleteRealPath follows "x -> y, y -> x"
    /// for ever, and .NET has no realpath.
    /// </summary>
    private static string? RealPath(string path)
    {
        var p = realpath(path, IntPtr.Zero);
        if (p == IntPtr.Zero) return null;
        try { return System.Runtime.InteropServices.Marshal.PtrToStringUTF8(p); }
        finally { free(p); }
    }

    [System.Runtime.InteropServices.DllImport("libc", SetLastError = true)]
    private static extern IntPtr realpath([System.Runtime.InteropServices.MarshalAs(System.Runtime.InteropServices.UnmanagedType.LPUTF8Str)] string path, IntPtr resolved);

    [System.Runtime.InteropServices.DllImport("libc")]
    private static extern void free(IntPtr p);
}
