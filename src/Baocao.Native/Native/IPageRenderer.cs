using System.Globalization;
using Baocao.Readers;

namespace Baocao.Native;

/// <summary>Renders one PDF page to a PNG file (the web interface's source page images).</summary>
public interface IPageRenderer
{
    /// <summary>Writes page <paramref name="page"/> (1-based) at <paramref name="dpi"/> to <paramref name="pngPath"/>, whole or not at all.</summary>
    void RenderPng(string pdfPath, int page, int dpi, string pngPath);
}

/// <summary>
/// Poppler's <c>pdftoppm -png</c> in a child process with a timeout (the same tool the OCR stage renders scans with): a page
/// that crashes or hangs the renderer costs that request only. No .NET PDF renderer is in the package mirror.
/// </summary>
public sealed class PopplerPageRenderer(TimeSpan? timeout = null) : IPageRenderer
{
    private readonly TimeSpan _timeout = timeout ?? TimeSpan.FromSeconds(30);

    public void RenderPng(string pdfPath, int page, int dpi, string pngPath)
    {
        // pdftoppm appends ".png" to the root it is given; a unique root per call, renamed into place when complete.
        var root = pngPath + "." + Guid.NewGuid().ToString("N");
        var p = page.ToString(CultureInfo.InvariantCulture);
        try
        {
            var r = ProcessRunner.Run("pdftoppm", ["-png", "-r", dpi.ToString(CultureInfo.InvariantCulture), "-f", p, "-l", p, "-singlefile", pdfPath, root],
                o => o.ReadToEnd(), _timeout);
            if (r.TimedOut) throw new BadInputException(pdfPath, $"pdftoppm did not finish page {page} within {_timeout.TotalSeconds:0} s");
            if (r.ExitCode != 0 || !File.Exists(root + ".png"))
                throw new BadInputException(pdfPath, $"page {page} could not be rendered ({PopplerMuPdfToolkit.Classify(r.StdErr)})");
            File.Move(root + ".png", pngPath, overwrite: true);
        }
        finally
        {
            if (File.Exists(root + ".png")) File.Delete(root + ".png");
        }
    }
}
