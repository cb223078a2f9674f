using System.Diagnostics;

namespace Variations;

/// <summary>The native tools the producers and the scanner run, each a child process with a timeout.</summary>
public static class Tools
{
    public static string? Find(string name)
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            var p = Path.Combine(dir, name);
            if (File.Exists(p)) return p;
        }
        return null;
    }

    /// <summary>Is ImageMagick's real convert there (a stand-in of the same name may sit earlier on the PATH)?</summary>
    public static bool HasImageMagick()
    {
        if (Find("convert") is null) return false;
        try { return Run("convert", ["-version"], 30).Contains("ImageMagick", StringComparison.Ordinal); }
        catch (ToolException) { return false; }
    }

    /// <summary>What the producers and the scanner need and is missing here (empty: all there).</summary>
    public static List<string> Missing(bool scans)
    {
        var missing = new List<string>();
        if (Find("soffice") is null) missing.Add("soffice (LibreOffice)");
        if (Find("chromium") is null) missing.Add("chromium");
        if (Find("pdftoppm") is null) missing.Add("pdftoppm (poppler-utils)");
        if (scans && !HasImageMagick()) missing.Add("convert (ImageMagick)");
        if (scans && Find("img2pdf") is null) missing.Add("img2pdf");
        return missing;
    }

    public static string Run(string file, IEnumerable<string> args, int timeoutSeconds, string? workDir = null)
    {
        var psi = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (workDir is not null) psi.WorkingDirectory = workDir;
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi) ?? throw new ToolException($"{file} did not start");
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(timeoutSeconds * 1000))
        {
            try { p.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
            throw new ToolException($"{file} timed out after {timeoutSeconds} s");
        }
        p.WaitForExit();
        if (p.ExitCode != 0) throw new ToolException($"{file} exited {p.ExitCode}: {stderr.Result.Trim().Split('\n').LastOrDefault()}");
        return stdout.Result;
    }
}

public sealed class ToolException(string message) : Exception(message);

/// <summary>The producers: LibreOffice (from DOCX or from HTML) and headless Chromium (from HTML) print a PDF.</summary>
public static class Render
{
    /// <summary>LibreOffice with a private profile, so it neither meets a running office nor a user's settings.</summary>
    public static void LibreOffice(string input, string outDir, bool fromHtml, string profile)
    {
        var args = new List<string> { $"-env:UserInstallation=file://{profile}", "--headless" };
        // HTML is opened as a Writer document (not Writer/Web, whose PDF export drops paragraphs and page sizes).
        if (fromHtml) args.Add("--infilter=HTML (StarWriter)");
        args.AddRange(["--convert-to", "pdf:writer_pdf_Export", "--outdir", outDir, input]);
        Tools.Run("soffice", args, 180);
        var pdf = Path.Combine(outDir, Path.GetFileNameWithoutExtension(input) + ".pdf");
        if (!File.Exists(pdf) || new FileInfo(pdf).Length == 0) throw new ToolException($"soffice made no PDF of {Path.GetFileName(input)}");
    }

    public static void Chromium(string html, string pdf, string profile)
    {
        Tools.Run("chromium", ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", $"--user-data-dir={profile}",
            "--no-pdf-header-footer", $"--print-to-pdf={pdf}", new Uri(html).AbsoluteUri], 180);
        if (!File.Exists(pdf) || new FileInfo(pdf).Length == 0) throw new ToolException($"chromium made no PDF of {Path.GetFileName(html)}");
    }
}
