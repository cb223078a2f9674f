using Baocao.Documents;
using Baocao.Ocr;

namespace Baocao.Native.Ocr;

/// <summary>How cells are cut out for Tesseract.</summary>
/// <param name="TextDpi">Text is enlarged to about this resolution: the tone marks of Vietnamese need the pixels.</param>
/// <param name="FigureDpi">Figures are read at about this resolution: enlarged further, lone digits are misread.</param>
/// <param name="ColumnNumberDpi">The "(3)=(4)+(5)" row, whose parentheses and signs are thin.</param>
/// <param name="FigureMargin">White kept around a figure's ink, as a share of its height.</param>
/// <param name="PaperLevel">Grey levels at or above this are paper and are made pure white.</param>
/// <param name="PageDpi">The text outside ruled tables (header, prose, borderless tables) is read at least at this resolution.</param>
public sealed record CellImageOptions(int TextDpi = 360, int FigureDpi = 300, int ColumnNumberDpi = 600, double FigureMargin = 0.3, int PaperLevel = 200, int PageDpi = 300);

/// <summary>
/// A scanned page prepared with Leptonica: read, converted to 8-bit grey, turned upright (text-line statistics
/// detect pages fed sideways or upside down), deskewed, binarised; ruling lines found by morphology (opening with
/// long thin bricks keeps only long horizontal or vertical runs). Each read hands the engine its own image (a cell
/// cut out, or the page with its tables painted out); the engine must stay with this page until it is disposed.
/// </summary>
internal sealed class LeptonicaScanPage : IScanPage
{
    private readonly Pix _grey;
    private readonly Pix _binary;
    private readonly TesseractEngine _engine;

    private readonly CellImageOptions _cells;

    public LeptonicaScanPage(string imagePath, int dpi, TesseractEngine engine, CellImageOptions? cells = null)
    {
        _cells = cells ?? new CellImageOptions();
        NativeLibraries.Register();
        _engine = engine;
        Dpi = dpi;
        using var raw = new Pix(LeptonicaApi.pixRead(imagePath), $"read {Path.GetFileName(imagePath)}");
        var grey = new Pix(LeptonicaApi.pixConvertTo8(raw.Handle, 0), "convert to 8 bpp");
        if (grey.Width >= 64 && grey.Height >= 64)
        {
            grey = EvenLight(grey);
            grey = Upright(grey);
            grey = Deskew(grey);
        }
        _grey = grey;
        LeptonicaApi.pixOtsuAdaptiveThreshold(_grey.Handle, 2000, 2000, 0, 0, 0f, IntPtr.Zero, out var bin);
        _binary = new Pix(bin, "binarise");
        var n = Interlocked.Increment(ref _dumped);
        Dump(_grey, $"page{n}-grey");
        Dump(_binary, $"page{n}-binary");
        Width = _grey.Width;
        Height = _grey.Height;
        InkRatio = (double)InkIn(new PixelRect(0, 0, Width, Height)) / Math.Max(1, (long)Width * Height);
        Lines = Width >= 64 && Height >= 64 ? FindLines() : [];
    }

    public int Width { get; }
    public int Height { get; }
    public int Dpi { get; }
    public int QuarterTurns { get; private set; }
    public double SkewDegrees { get; private set; }
    public double InkRatio { get; }
    public IReadOnlyList<RulingLine> Lines { get; }

    private Pix Upright(Pix grey)
    {
        using var bin = new Pix(LeptonicaApi.pixConvertTo1(grey.Handle, 160), "threshold for orientation");
        if (LeptonicaApi.pixOrientDetect(bin.Handle, out var up, out var left, 0, 0) != 0) return grey;
        if (TraceOrientation) Console.Error.WriteLine($"orientation: up {up:0.0}, left {left:0.0}");
        // Leptonica's decision rule: a confidence above ~6 is meaningful; the larger of the two axes wins.
        const float minConf = 6f;
        int quads;
        if (Math.Abs(up) >= Math.Abs(left)) quads = up < -minConf ? 2 : 0;
        else quads = left > minConf ? 1 : left < -minConf ? 3 : 0;
        // Its statistics count ascenders against descenders, tuned on English; on Vietnamese table pages they are
        // unreliable (an upright Chromium-printed table page of the sweep scored -44, "upside down"). A page it does
        // not call upright with confidence is asked of Tesseract's orientation model, which decides when it is sure.
        if (quads != 0 || ScanPreparation.AskOrientation(up, left))
        {
            var osd = Orientation(grey);
            quads = ScanPreparation.DecideTurns(quads, osd?.degrees, osd?.confidence);
        }
        if (quads == 0) return grey;
        var turned = new Pix(LeptonicaApi.pixRotateOrth(grey.Handle, quads), "rotate upright");
        grey.Dispose();
        QuarterTurns = quads;
        return turned;
    }

    /// <summary>
    /// A page lit unevenly (a grey gradient across it, a photocopy's dark edge) has its background normalised
    /// before anything is thresholded or read: Leptonica estimates the paper's level tile by tile and scales each
    /// pixel so that the paper is white everywhere. Without it the global threshold blackens the dark side (or
    /// loses the light side's text) and the cells there read as nothing. Chosen from the page's own statistics: an
    /// evenly lit page (the spread of its paper level under <see cref="ScanPreparation.UnevenSpread"/>) is left as it is.
    /// </summary>
    private Pix EvenLight(Pix grey)
    {
        if (grey.Width < 64 || grey.Height < 64) return grey;
        PaperSpread = PaperLevel.Of(ToManaged(grey), Dpi).Spread;
        if (!ScanPreparation.NeedsEvenLight(PaperSpread)) return grey;
        // Tiles about 1/15 inch; pixels darker than 60 are ink, not paper; background mapped to 250.
        var tile = Math.Max(8, Dpi / 15);
        var h = LeptonicaApi.pixBackgroundNorm(grey.Handle, IntPtr.Zero, IntPtr.Zero, tile, tile, 60, tile * tile / 4, 250, 2, 1);
        if (h == IntPtr.Zero) return grey;
        grey.Dispose();
        EvenedLight = true;
        return new Pix(h, "normalise background");
    }

    /// <summary>The spread of the paper's level across the page (0 = evenly lit), before normalisation.</summary>
    public int PaperSpread { get; private set; }

    /// <summary>Whether the page's background was normalised (uneven light).</summary>
    public bool EvenedLight { get; private set; }

    /// <summary>Tesseract's orientation model on the page scaled to about 150 dpi: the text's turn and its confidence.</summary>
    private (int degrees, double confidence)? Orientation(Pix grey)
    {
        var scale = Math.Min(1f, 150f / Dpi);
        using var small = new Pix(LeptonicaApi.pixScale(grey.Handle, scale, scale), "scale for orientation");
        var found = _engine.DetectOrientation(small, (int)(Dpi * scale));
        if (TraceOrientation) Console.Error.WriteLine($"orientation (tesseract): {found?.degrees}° conf {found?.confidence:0.0}");
        return found;
    }

    private Pix Deskew(Pix grey)
    {
        var h = LeptonicaApi.pixDeskewGeneral(grey.Handle, 0, 0f, 0f, 0, 0, out var angle, out _);
        if (h == IntPtr.Zero) return grey;
        SkewDegrees = angle;
        grey.Dispose();
        return new Pix(h, "deskew");
    }

    private List<RulingLine> FindLines()
    {
        var minLength = Dpi / 4;                      // a quarter inch: longer than any letter stroke
        var maxThickness = Math.Max(3, Dpi / 40);
        // The faint rules the threshold lost (FaintRules) are added to the binary page; the lines of that page
        // must be half an inch long (the valleys along a line of text are shorter). The lines of the binary page
        // alone that those do not cover are kept as they were.
        var grey = ToManaged(_grey);
        var paper = PaperLevel.Of(grey, Dpi);
        var withFaint = new List<RulingLine>();
        var plain = new List<RulingLine>();
        foreach (var horizontal in new[] { true, false })
        {
            using var faint = FromMask(FaintRules.Mask(grey, Dpi, horizontal, paper), Width, Height);
            using var both = new Pix(LeptonicaApi.pixOr(IntPtr.Zero, _binary.Handle, faint.Handle), "add faint rules");
            withFaint.AddRange(LinesIn(both, horizontal, minLength, maxThickness, keepLength: Dpi / 2));
            plain.AddRange(LinesIn(_binary, horizontal, minLength, maxThickness));
        }
        var result = FaintRules.AddNew(withFaint, plain, maxThickness);
        return result;
    }

    private static List<RulingLine> LinesIn(Pix binary, bool horizontal, int minLength, int maxThickness, int? keepLength = null)
    {
        var result = new List<RulingLine>();
        using var open = new Pix(horizontal
            ? LeptonicaApi.pixOpenBrick(IntPtr.Zero, binary.Handle, minLength, 1)
            : LeptonicaApi.pixOpenBrick(IntPtr.Zero, binary.Handle, 1, minLength), "open");
        // Close small breaks that noise and JPEG leave in a line.
        using var closed = new Pix(horizontal
            ? LeptonicaApi.pixCloseBrick(IntPtr.Zero, open.Handle, 15, 3)
            : LeptonicaApi.pixCloseBrick(IntPtr.Zero, open.Handle, 3, 15), "close");
        var boxa = LeptonicaApi.pixConnComp(closed.Handle, IntPtr.Zero, 8);
        if (boxa == IntPtr.Zero) return result;
        try
        {
            var n = LeptonicaApi.boxaGetCount(boxa);
            for (var i = 0; i < n; i++)
            {
                LeptonicaApi.boxaGetBoxGeometry(boxa, i, out var x, out var y, out var w, out var h);
                var keep = keepLength ?? minLength;
                if (horizontal && w >= keep && h <= maxThickness * 2) result.Add(new RulingLine(x, y + h / 2.0, x + w, y + h / 2.0));
                else if (!horizontal && h >= keep && w <= maxThickness * 2) result.Add(new RulingLine(x + w / 2.0, y, x + w / 2.0, y + h));
            }
        }
        finally { LeptonicaApi.boxaDestroy(ref boxa); }
        return result;
    }

    /// <summary>An 8-bit Pix copied into managed memory (Leptonica keeps four pixels in a 32-bit word, the first in the high byte).</summary>
    private static unsafe GreyImage ToManaged(Pix pix)
    {
        int w = pix.Width, h = pix.Height;
        var wpl = LeptonicaApi.pixGetWpl(pix.Handle);
        var data = (uint*)LeptonicaApi.pixGetData(pix.Handle);
        var pixels = new byte[w * h];
        for (var y = 0; y < h; y++)
        {
            var line = data + y * wpl;
            for (var x = 0; x < w; x++) pixels[y * w + x] = (byte)(line[x >> 2] >> (24 - 8 * (x & 3)));
        }
        return new GreyImage(w, h, pixels);
    }

    /// <summary>A 1-bit Pix (1 = dark) from a mask, 32 pixels to a word, the first in the high bit.</summary>
    private static unsafe Pix FromMask(byte[] mask, int w, int h)
    {
        var pix = new Pix(LeptonicaApi.pixCreate(w, h, 1), "create a mask");
        var wpl = LeptonicaApi.pixGetWpl(pix.Handle);
        var data = (uint*)LeptonicaApi.pixGetData(pix.Handle);
        for (var y = 0; y < h; y++)
        {
            var line = data + y * wpl;
            for (var x = 0; x < w; x++)
                if (mask[y * w + x] != 0) line[x >> 5] |= 1u << (31 - (x & 31));
        }
        return pix;
    }

    public int InkIn(PixelRect r)
    {
        var box = LeptonicaApi.boxCreate(r.X, r.Y, r.W, r.H);
        try { return LeptonicaApi.pixCountPixelsInRect(_binary.Handle, box, out var count, IntPtr.Zero) == 0 ? count : 0; }
        finally { LeptonicaApi.boxDestroy(ref box); }
    }

    /// <summary>
    /// Reads one region cut out of the page. Its paper is made pure white first: on a near-empty cell Tesseract's own
    /// threshold otherwise falls between two shades of paper and the lone "5" vanishes. Figures are cut out close
    /// around their ink; text is enlarged more than figures, for the tone marks.
    /// </summary>
    public OcrText Read(PixelRect r, OcrMode mode)
    {
        var figures = mode is OcrMode.Numeric or OcrMode.NumericWord or OcrMode.NumericChar;
        if (figures && InkBox(r) is { } ink) r = AroundInk(r, ink, (int)(ink.H * _cells.FigureMargin));
        var dpi = figures ? _cells.FigureDpi : mode is OcrMode.Text ? _cells.TextDpi : _cells.ColumnNumberDpi;
        using var image = CellImage(r, dpi, out var scale);
        using var framed = new Pix(LeptonicaApi.pixAddBorder(image.Handle, 24, 255), "frame a cell");
        Dump(framed, $"{r.X}_{r.Y}_{mode}");
        var (text, conf) = _engine.Read(framed, (int)(Dpi * scale), mode);
        return new OcrText(text, conf);
    }

    private static PixelRect AroundInk(PixelRect r, PixelRect ink, int margin)
    {
        var x0 = Math.Max(r.X, ink.X - margin);
        var y0 = Math.Max(r.Y, ink.Y - margin);
        var x1 = Math.Min(r.X + r.W, ink.X + ink.W + margin);
        var y1 = Math.Min(r.Y + r.H, ink.Y + ink.H + margin);
        return new PixelRect(x0, y0, x1 - x0, y1 - y0);
    }

    /// <summary>A region of the grey page with its paper made white, scaled to about <paramref name="dpi"/>.</summary>
    private Pix CellImage(PixelRect r, int dpi, out float scale)
    {
        var box = LeptonicaApi.boxCreate(r.X, r.Y, r.W, r.H);
        try
        {
            using var clip = new Pix(LeptonicaApi.pixClipRectangle(_grey.Handle, box, IntPtr.Zero), "cut out a cell");
            LeptonicaApi.pixThresholdToValue(clip.Handle, clip.Handle, _cells.PaperLevel, 255);
            scale = Math.Clamp((float)dpi / Dpi, 0.5f, 3f);
            return new Pix(LeptonicaApi.pixScale(clip.Handle, scale, scale), "scale a cell");
        }
        finally { LeptonicaApi.boxDestroy(ref box); }
    }

    private static int _dumped;
    private static readonly bool TraceOrientation = Environment.GetEnvironmentVariable("BAOCAO_TRACE") == "1";
    private static readonly string? DumpFolder = Environment.GetEnvironmentVariable("BAOCAO_DUMP");

    /// <summary>With <c>BAOCAO_DUMP=folder</c>, every image handed to Tesseract is written there (for debugging).</summary>
    private static void Dump(Pix pix, string name)
    {
        if (DumpFolder is not null) LeptonicaApi.pixWrite(Path.Combine(DumpFolder, name + ".png"), pix.Handle, 3);
    }

    /// <summary>The bounding box of the dark pixels in a region, in page pixels; null when it has none.</summary>
    public PixelRect? InkBox(PixelRect r)
    {
        var box = LeptonicaApi.boxCreate(r.X, r.Y, r.W, r.H);
        try
        {
            using var clip = new Pix(LeptonicaApi.pixClipRectangle(_binary.Handle, box, IntPtr.Zero), "cut out a region");
            if (LeptonicaApi.pixClipToForeground(clip.Handle, IntPtr.Zero, out var fg) != 0 || fg == IntPtr.Zero) return null;
            LeptonicaApi.boxGetGeometry(fg, out var x, out var y, out var w, out var h);
            LeptonicaApi.boxDestroy(ref fg);
            return new PixelRect(r.X + x, r.Y + y, w, h);
        }
        finally { LeptonicaApi.boxDestroy(ref box); }
    }

    public IReadOnlyList<OcrWord> ReadWords(IReadOnlyList<PixelRect> exclude, bool thorough = false)
    {
        // Paint the tables white on a copy and read the rest of the page as running text.
        using var copy = new Pix(LeptonicaApi.pixCopy(IntPtr.Zero, _grey.Handle), "copy page");
        foreach (var r in exclude)
        {
            var box = LeptonicaApi.boxCreate(r.X, r.Y, r.W, r.H);
            LeptonicaApi.pixSetInRect(copy.Handle, box);
            LeptonicaApi.boxDestroy(ref box);
        }
        // Pages scanned below PageDpi are enlarged first: Tesseract's page layout and its tone marks want about 300 dpi
        // (at 200 dpi a borderless table's "STT" came out "srr" and "(1)" as "q)"). Boxes are scaled back to page pixels.
        var scale = Dpi < _cells.PageDpi ? (float)_cells.PageDpi / Dpi : 1f;
        using var page = scale == 1f ? null : new Pix(LeptonicaApi.pixScale(copy.Handle, scale, scale), "enlarge the page");
        int P(int v) => (int)Math.Round(v / scale);
        return _engine.ReadWords(page ?? copy, (int)(Dpi * scale), thorough)
            .Select(w => new OcrWord(w.text, new PixelRect(P(w.x0), P(w.y0), P(w.x1) - P(w.x0), P(w.y1) - P(w.y0)), w.conf)).ToList();
    }

    public void Dispose()
    {
        _engine.Clear();
        _grey.Dispose();
        _binary.Dispose();
    }
}
