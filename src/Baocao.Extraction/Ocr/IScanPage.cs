using Baocao.Documents;

namespace Baocao.Ocr;

/// <summary>A rectangle in image pixels.</summary>
public readonly record struct PixelRect(int X, int Y, int W, int H)
{
    public static PixelRect FromPoints(BBox b, double scale, double inset = 0) =>
        new((int)Math.Round(b.X0 * scale + inset), (int)Math.Round(b.Y0 * scale + inset),
            Math.Max(1, (int)Math.Round(b.Width * scale - 2 * inset)), Math.Max(1, (int)Math.Round(b.Height * scale - 2 * inset)));
}

/// <summary>How a region is read: running text with the Vietnamese model, figures with a digit whitelist, or a
/// column-number cell ("(3)=(4)+(5)") with digits, parentheses and signs only.</summary>
public enum OcrMode { Text, Numeric, NumericWord, NumericChar, ColumnNumber, ColumnNumberLine }

/// <summary>What OCR read in a region, with Tesseract's confidence (0..1).</summary>
public sealed record OcrText(string Text, double Confidence);

/// <summary>One word OCR read on the page, in image pixels.</summary>
public sealed record OcrWord(string Text, PixelRect Box, double Confidence);

/// <summary>
/// A scanned page, prepared (turned upright, deskewed, binarised) and ready to be read region by region. The
/// narrow interface between the pure page-assembly logic and the native image and OCR libraries, so that logic is
/// tested with fake pages and a crash in the native code stays behind it.
/// </summary>
public interface IScanPage : IDisposable
{
    int Width { get; }
    int Height { get; }
    int Dpi { get; }
    /// <summary>Quarter turns applied to bring the page upright (0..3, clockwise).</summary>
    int QuarterTurns { get; }
    /// <summary>The skew corrected, in degrees.</summary>
    double SkewDegrees { get; }
    /// <summary>Share of dark pixels on the page (0..1): a blank page has almost none.</summary>
    double InkRatio { get; }
    /// <summary>Horizontal and vertical ruling lines found in the image, in pixels.</summary>
    IReadOnlyList<RulingLine> Lines { get; }
    /// <summary>Dark pixels in a region, for skipping empty cells without running OCR.</summary>
    int InkIn(PixelRect r);
    OcrText Read(PixelRect r, OcrMode mode);
    /// <summary>The bounding box of the dark pixels in a region; null when it has none.</summary>
    PixelRect? InkBox(PixelRect r);
    /// <summary>The page's words outside the given regions (the tables, which are read cell by cell).</summary>
    /// <param name="thorough">Read with the slower, more careful models (for pages that hold a borderless table).</param>
    IReadOnlyList<OcrWord> ReadWords(IReadOnlyList<PixelRect> exclude, bool thorough = false);
}
