using Baocao.Documents;

namespace Baocao.Ocr;

/// <summary>An 8-bit grey image in managed memory (0 = black, 255 = white), row by row.</summary>
public sealed class GreyImage(int width, int height, byte[] pixels)
{
    public int Width { get; } = width;
    public int Height { get; } = height;
    public byte[] Pixels { get; } = pixels.Length == width * height ? pixels : throw new ArgumentException("pixel count does not match the size");
    public byte this[int x, int y] => Pixels[y * Width + x];
}

/// <summary>
/// Finds thin, faint ruling lines that a global threshold drops. A 0.25-0.5 pt rule scanned at 150-200 dpi is one
/// or two pixels wide, blurred and JPEG-smeared to a grey of 200-230 on white paper, while the text is near black:
/// Otsu's threshold falls between text and paper and the rule goes with the paper. The vertical rules usually
/// survive (they fall on whole pixel columns), the horizontal ones not, and the table comes back as one row.
/// <para>
/// A rule is a valley across its direction: each pixel is compared with the pixels a few rows above and below it
/// (for a horizontal rule), after averaging along the rule's direction so noise and JPEG blocks even out while the
/// long rule keeps its contrast. A pixel darker than both sides by <see cref="MinContrast"/> is marked. The mask is
/// local, so uneven lighting (a slow gradient) does not move it, and a shaded header row (a flat grey) is no valley.
/// Letters also leave short valleys; the caller keeps only long runs (the morphological opening with a long brick).
/// Written by hand: Leptonica's line-finding recipes work on a binary image, which has already lost these rules.
/// </para>
/// </summary>
public static class FaintRules
{
    /// <summary>Grey levels a valley must be darker than both of its sides (after averaging along the rule).</summary>
    public const int MinContrast = 14;

    /// <summary>
    /// How far below the local paper level a valley's sides may be. A rule runs between blank paper; the valleys
    /// letters make (the tops of a line of "o", "n", "e") have ink on their sides, so their sides are darker.
    /// The price: a faint rule inside a shaded header row is not found here (its sides are the shade); rules there
    /// are left to the binary page, which finds them when they are dark enough.
    /// </summary>
    public const int SideTolerance = 24;

    /// <summary>The mask (1 = on a rule) of horizontal (or vertical) valleys, row by row like the image.</summary>
    public static byte[] Mask(GreyImage image, int dpi, bool horizontal) => Mask(image, dpi, horizontal, PaperLevel.Of(image, dpi));

    public static byte[] Mask(GreyImage image, int dpi, bool horizontal, PaperLevel paper)
    {
        int w = image.Width, h = image.Height;
        var side = Math.Max(3, (int)Math.Round(dpi / 50.0));   // beyond half a 1 pt rule plus blur, at any dpi
        var along = Math.Max(2, (int)Math.Round(dpi / 60.0));  // averaging half-window along the rule
        var smooth = Smooth(image, along, horizontal);
        var mask = new byte[w * h];
        for (var y = 0; y < h; y++)
            for (var x = 0; x < w; x++)
            {
                int before, after;
                if (horizontal)
                {
                    if (y < side || y >= h - side) continue;
                    before = smooth[(y - side) * w + x];
                    after = smooth[(y + side) * w + x];
                }
                else
                {
                    if (x < side || x >= w - side) continue;
                    before = smooth[y * w + x - side];
                    after = smooth[y * w + x + side];
                }
                var v = smooth[y * w + x];
                var sides = Math.Min(before, after);
                if (v + MinContrast <= sides && sides >= paper.At(x, y) - SideTolerance) mask[y * w + x] = 1;
            }
        return mask;
    }

    /// <summary>
    /// The lines found with the faint rules that the binary page's own lines do not already cover: a candidate
    /// within <paramref name="tolerance"/> pixels of a found line of the same direction, and lying along it for
    /// four fifths of its length, is the same rule.
    /// </summary>
    public static List<RulingLine> AddNew(List<RulingLine> found, IEnumerable<RulingLine> candidates, double tolerance)
    {
        var result = new List<RulingLine>(found);
        foreach (var c in candidates)
        {
            var covered = found.Any(f => f.IsHorizontal == c.IsHorizontal
                && Math.Abs(c.IsHorizontal ? f.Y0 - c.Y0 : f.X0 - c.X0) <= tolerance
                && Overlap(f, c) >= 0.8 * c.Length);
            if (!covered) result.Add(c);
        }
        return result;
    }

    private static double Overlap(RulingLine a, RulingLine b) => a.IsHorizontal
        ? Math.Min(a.X1, b.X1) - Math.Max(a.X0, b.X0)
        : Math.Min(a.Y1, b.Y1) - Math.Max(a.Y0, b.Y0);

    /// <summary>Each pixel the mean of the 2·half+1 pixels along the rule's direction (a running sum).</summary>
    private static int[] Smooth(GreyImage image, int half, bool horizontal)
    {
        int w = image.Width, h = image.Height;
        var p = image.Pixels;
        var result = new int[w * h];
        var outer = horizontal ? h : w;
        var inner = horizontal ? w : h;
        for (var o = 0; o < outer; o++)
        {
            int At(int i) => horizontal ? p[o * w + i] : p[i * w + o];
            var sum = 0;
            var count = 0;
            for (var i = 0; i < Math.Min(half, inner); i++) { sum += At(i); count++; }
            for (var i = 0; i < inner; i++)
            {
                var add = i + half;
                if (add < inner) { sum += At(add); count++; }
                var drop = i - half - 1;
                if (drop >= 0) { sum -= At(drop); count--; }
                result[horizontal ? o * w + i : i * w + o] = sum / count;
            }
        }
        return result;
    }
}

/// <summary>
/// The paper's grey level across the page, tile by tile: each tile's 90th percentile (a tile is mostly paper even
/// inside a text block). A page lit evenly has about the same level everywhere; uneven lighting or a photocopy's
/// grey edge shows as a spread between tiles.
/// </summary>
public sealed class PaperLevel
{
    private readonly int[] _levels;
    private readonly int _tile, _cols, _rows;

    private PaperLevel(int[] levels, int tile, int cols, int rows) { _levels = levels; _tile = tile; _cols = cols; _rows = rows; }

    /// <summary>The paper level at a pixel (that of its tile).</summary>
    public int At(int x, int y) => _levels[Math.Min(y / _tile, _rows - 1) * _cols + Math.Min(x / _tile, _cols - 1)];

    /// <summary>Lightest minus darkest tile level, leaving out the 5 % at either end (a photo, a black margin).</summary>
    public int Spread
    {
        get
        {
            var sorted = _levels.Order().ToArray();
            var cut = sorted.Length / 20;
            return sorted[^(cut + 1)] - sorted[cut];
        }
    }

    public static PaperLevel Of(GreyImage image, int dpi)
    {
        var tile = Math.Max(16, dpi / 3);
        var cols = Math.Max(1, (image.Width + tile - 1) / tile);
        var rows = Math.Max(1, (image.Height + tile - 1) / tile);
        var levels = new int[cols * rows];
        var histogram = new int[256];
        for (var r = 0; r < rows; r++)
            for (var c = 0; c < cols; c++)
            {
                Array.Clear(histogram);
                var count = 0;
                for (var y = r * tile; y < Math.Min(image.Height, (r + 1) * tile); y++)
                    for (var x = c * tile; x < Math.Min(image.Width, (c + 1) * tile); x++) { histogram[image[x, y]]++; count++; }
                var want = count / 10;   // the 90th percentile: count from the light end
                var level = 255;
                for (var seen = 0; level > 0; level--)
                    if ((seen += histogram[level]) > want) break;
                levels[r * cols + c] = level;
            }
        return new PaperLevel(levels, tile, cols, rows);
    }
}

/// <summary>Decisions on how a scanned page is prepared, from its own statistics.</summary>
public static class ScanPreparation
{
    /// <summary>
    /// Grey levels between the lightest and darkest paper on the page above which it is lit unevenly. Scanners and
    /// JPEG leave the paper within a few levels; a gradient from uneven light or a photocopy's edge spreads it by
    /// 30-110 levels.
    /// </summary>
    public const int UnevenSpread = 24;

    public static bool NeedsEvenLight(int paperSpread) => paperSpread >= UnevenSpread;

    /// <summary>Leptonica's up-confidence above which a page is upright without asking Tesseract.</summary>
    public const double SureUpright = 15;

    /// <summary>
    /// Whether to ask Tesseract's orientation model when Leptonica found no turn: it was not sure the page is
    /// upright (its up-confidence under <see cref="SureUpright"/>), or saw the text sideways more than upright.
    /// </summary>
    public static bool AskOrientation(double upConfidence, double leftConfidence) =>
        upConfidence < SureUpright || Math.Abs(leftConfidence) > Math.Abs(upConfidence);

    /// <summary>Tesseract's orientation confidence from which its verdict is taken (it gave 10-15 on our pages, either way up).</summary>
    public const double OsdConfidence = 5;

    /// <summary>
    /// The quarter turns (clockwise) to bring a page upright, from Leptonica's verdict and Tesseract's (degrees the text
    /// is turned, and confidence; null when not asked or not installed). A confident Tesseract decides between upright
    /// and upside down; a sideways verdict of its is not taken (its sense of 90 against 270 is not checked on our
    /// pages), nor a weak one: Leptonica's stands.
    /// </summary>
    public static int DecideTurns(int leptonicaQuads, int? osdDegrees, double? osdConfidence)
    {
        if (osdDegrees is not { } d || osdConfidence is not { } c || c < OsdConfidence) return leptonicaQuads;
        return d switch { 0 => 0, 180 => 2, _ => leptonicaQuads };
    }
}
