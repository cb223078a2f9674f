using Baocao.Documents;
using Baocao.Ocr;
using Baocao.Readers;

namespace Baocao.Native.Ocr;

/// <summary>
/// OCR of one PDF page: poppler renders it at the scan's own resolution (capped to 150..400 dpi), Leptonica
/// prepares it, and a pooled Tesseract engine reads it through <see cref="ScannedPageReader"/>.
/// </summary>
public sealed class TesseractPageOcr(IPdfToolkit toolkit, TesseractEnginePool pool, ScannedPageReader? reader = null) : IPageOcr
{
    private readonly ScannedPageReader _reader = reader ?? new ScannedPageReader();
    private static readonly bool Trace = Environment.GetEnvironmentVariable("BAOCAO_TRACE") == "1";

    /// <summary>The default OCR stack, or null with the reason when the native libraries are missing.</summary>
    public static TesseractPageOcr? TryCreate(IPdfToolkit toolkit, int workers, out string? problem, ScannedPageReader? reader = null) =>
        IsAvailable(out problem) ? new TesseractPageOcr(toolkit, new TesseractEnginePool(workers), reader) : null;

    /// <summary>Whether the OCR libraries and the Vietnamese model are installed (without starting an engine).</summary>
    public static bool IsAvailable(out string? problem)
    {
        if (!NativeLibraries.Available(out problem)) return false;
        if (!TesseractEngine.ModelInstalled("vie"))
        {
            problem = "the Vietnamese OCR model is not installed (apt-get install tesseract-ocr-vie)";
            return false;
        }
        return true;
    }

    /// <summary>A page that could not be read: no words, no lines (its warnings say why).</summary>
    private static LayoutPage Unread(int page) => new(page, 595, 842, [], []);

    public (LayoutPage Page, IReadOnlyList<string> Warnings) Read(string pdfPath, int page, IReadOnlyList<PageImage> images)
    {
        var onPage = images.Where(i => i.Page == page).ToList();
        var warnings = new List<string>();
        if (onPage.Count > 0 && onPage.All(i => i.Width < 16 || i.Height < 16))
        {
            var tiny = onPage.MaxBy(i => i.Width * i.Height)!;
            warnings.Add($"page {page}: the page image is only {tiny.Width}×{tiny.Height} px, too small to read");
            return (Unread(page), warnings);
        }
        var dpi = onPage.Count == 0 ? 300 : Math.Clamp(onPage.Max(i => i.Dpi), 150, 400);
        var folder = Directory.CreateTempSubdirectory("baocao-ocr").FullName;
        try
        {
            var (image, problem) = toolkit.RenderPage(pdfPath, page, dpi, folder);
            if (problem is not null)
            {
                var enc = onPage.Select(i => i.Encoding).Distinct().ToList();
                warnings.Add($"page {page}: the page image could not be decoded ({string.Join(", ", enc.DefaultIfEmpty("unknown"))}: {problem})");
                return (Unread(page), warnings);
            }
            var result = pool.Use(engine =>
            {
                var sw = System.Diagnostics.Stopwatch.StartNew();
                using var scan = new LeptonicaScanPage(image, dpi, engine);
                var prepared = sw.ElapsedMilliseconds;
                var read = _reader.Read(scan, page);
                if (Trace) Console.Error.WriteLine($"ocr {Path.GetFileName(pdfPath)} p{page}: {dpi} dpi, prepare {prepared} ms (turns {scan.QuarterTurns}, skew {scan.SkewDegrees:0.00}°, paper spread {scan.PaperSpread}{(scan.EvenedLight ? " evened" : "")}, {scan.Lines.Count} lines), read {sw.ElapsedMilliseconds - prepared} ms");
                if (Trace && Environment.GetEnvironmentVariable("BAOCAO_TRACE_LINES") == "1")
                    foreach (var l in scan.Lines) Console.Error.WriteLine($"  line {l.X0:0},{l.Y0:0} → {l.X1:0},{l.Y1:0}");
                return read;
            });
            warnings.AddRange(result.Warnings);
            return (result.Page, warnings);
        }
        catch (OcrException e)
        {
            warnings.Add($"page {page}: OCR failed ({e.Message})");
            return (Unread(page), warnings);
        }
        finally { Directory.Delete(folder, true); }
    }
}
