using Baocao.Readers;

namespace Baocao.Native;

/// <summary>Converts a legacy Word .doc into a .docx the DOCX reader can read.</summary>
public interface IDocConverter
{
    /// <summary>
    /// Writes the converted .docx into <paramref name="folder"/> and returns its path. Throws
    /// <see cref="BadInputException"/> with a one-line reason (LibreOffice missing, timeout, a file it cannot open).
    /// </summary>
    string ToDocx(string docPath, string folder);
}

/// <summary>
/// LibreOffice headless (<c>soffice --convert-to docx</c>) in its own process with a timeout, like the PDF tools. No
/// .NET library on the mirror reads the binary .doc format (OpenXml reads only .docx). Each process gets a private
/// profile folder, so parallel workers never share LibreOffice's lock on a profile.
/// </summary>
/// <param name="tool">The LibreOffice program (soffice on PATH).</param>
public sealed class LibreOfficeConverter(TimeSpan? timeout = null, string tool = "soffice") : IDocConverter
{
    private readonly TimeSpan _timeout = timeout ?? TimeSpan.FromSeconds(120);
    private static readonly string Profile = Path.Combine(Path.GetTempPath(), $"baocao-lo-{Environment.ProcessId}");

    /// <summary>Removes this process's LibreOffice profile (a worker calls it when it ends).</summary>
    public static void RemoveProfile()
    {
        try { if (Directory.Exists(Profile)) Directory.Delete(Profile, true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }

    public const string MissingReason = "legacy .doc needs LibreOffice (soffice), which is not installed";

    private static int exitHook;

    public string ToDocx(string docPath, string folder)
    {
        // The profile is made on first use and removed when this process ends (a worker also removes it when its input ends).
        if (Interlocked.Exchange(ref exitHook, 1) == 0) AppDomain.CurrentDomain.ProcessExit += (_, _) => RemoveProfile();
        ProcessResult r;
        try
        {
            r = ProcessRunner.Run(tool, [$"-env:UserInstallation=file://{Profile}", "--headless", "--norestore", "--convert-to", "docx", "--outdir", folder, Path.GetFullPath(docPath)],
                o => o.ReadToEnd(), _timeout);
        }
        catch (ToolMissingException) { throw new BadInputException(docPath, MissingReason); }
        if (r.TimedOut) throw new BadInputException(docPath, $"LibreOffice did not convert the .doc within {_timeout.TotalSeconds:0} s");
        var output = Path.Combine(folder, Path.GetFileNameWithoutExtension(docPath) + ".docx");
        if (r.ExitCode != 0 || !File.Exists(output) || new FileInfo(output).Length == 0)
        {
            var why = r.StdErr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
            throw new BadInputException(docPath, "LibreOffice could not read the .doc (damaged, password-protected or not a Word file)" + (why is null ? "" : $": {why}"));
        }
        return output;
    }
}
