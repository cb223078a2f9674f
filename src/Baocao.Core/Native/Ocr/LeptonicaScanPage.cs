using Baocao.Documents;
using Baocao.Ocr;

namespace Baocao.Native.Ocr;

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

    public LeptonicaScanPage(string imagePath, int dpi, TesseractEngine engine)
    {
        NativeLibraries.Register();
        _engine = engine;
        Dpi = dpi;
        using var raw = new Pix(LeptonicaApi.pixRead(imagePath), $"read {Path.GetFileName(imagePath)}");
        var grey = new Pix(LeptonicaApi.pixConvertTo8(raw.Handle, 0), "convert to 8 bpp");
        if (grey.Width >= 64 && grey.Height >= 64)
        {
            grey = Upright(grey);
            grey = Deskew(grey);
        }
        _grey = grey;
        LeptonicaApi.pixOtsuAdaptiveThreshold(_grey.Handle, 2000, 2000, 0, 0, 0f, IntPtr.Zero, out var bin);
        _binary = new Pix(bin, "binarise");
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
        // Leptonica's decision rule: a confidence above ~6 is meaningful; the larger of the two axes wins.
        const float minConf = 6f;
        int quads;
        if (Math.Abs(up) >= Math.Abs(left)) quads = up < -minConf ? 2 : 0;
        else quads = left > minConf ? 1 : left < -minConf ? 3 : 0;
        if (quads == 0) return grey;
        var turned = new Pix(LeptonicaApi.pixRotateOrth(grey.Handle, quads), "rotate upright");
        grey.Dispose();
        QuarterTurns = quads;
        return turned;
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
        var result = new List<RulingLine>();
        var minLength = Dpi / 4;                      // a quarter inch: longer than any letter stroke
        var maxThickness = Math.Max(3, Dpi / 40);
        foreach (var horizontal in new[] { true, false })
        {
            using var open = new Pix(horizontal
                ? LeptonicaApi.pixOpenBrick(IntPtr.Zero, _binary.Handle, minLength, 1)
                : LeptonicaApi.pixOpenBrick(IntPtr.Zero, _binary.Handle, 1, minLength), "open");
            // Close small breaks that noise and JPEG leave in a line.
            using var closed = new Pix(horizontal
                ? LeptonicaApi.pixCloseBrick(IntPtr.Zero, open.Handle, 15, 3)
                : LeptonicaApi.pixCloseBrick(IntPtr.Zero, open.Handle, 3, 15), "close");
            var boxa = LeptonicaApi.pixConnComp(closed.Handle, IntPtr.Zero, 8);
            if (boxa == IntPtr.Zero) continue;
            try
            {
                var n = LeptonicaApi.boxaGetCount(boxa);
                for (var i = 0; i < n; i++)
                {
                    LeptonicaApi.boxaGetBoxGeometry(boxa, i, out var x, out var y, out var w, out var h);
                    if (horizontal && w >= minLength && h <= maxThickness * 2) result.Add(new RulingLine(x, y + h / 2.0, x + w, y + h / 2.0));
                    else if (!horizontal && h >= minLength && w <= maxThickness * 2) result.Add(new RulingLine(x + w / 2.0, y, x + w / 2.0, y + h));
                }
            }
            finally { LeptonicaApi.boxaDestroy(ref boxa); }
        }
        return result;
    }

    public int InkIn(PixelRect r)
    {
        var box = LeptonicaApi.boxCreate(r.X, r.Y, r.W, r.H);
        try { return LeptonicaApi.pixCountPixelsInRect(_binary.Handle, box, out var count, IntPtr.Zero) == 0 ? count : 0; }
        finally { LeptonicaApi.boxDestroy(ref box); }
    }

    /// <summary>
    /// Reads one region cut out of the page, enlarged to about 600 dpi and framed in white: Tesseract reads small
    /// table print (parentheses, thin figures) much better with room around it than within a tight rectangle.
    /// </summary>
    public OcrText Read(PixelRect r, OcrMode mode)
    {
        var box = LeptonicaApi.boxCreate(r.X, r.Y, r.W, r.H);
        try
        {
            using var clip = new Pix(LeptonicaApi.pixClipRectangle(_grey.Handle, box, IntPtr.Zero), "cut out a cell");
            var scale = Math.Clamp(600f / Dpi, 1f, 3f);
            using var big = new Pix(LeptonicaApi.pixScale(clip.Handle, scale, scale), "enlarge a cell");
            using var framed = new Pix(LeptonicaApi.pixAddBorder(big.Handle, 24, 255), "frame a cell");
            _engine.SetImage(framed, (int)(Dpi * scale));
            var (text, conf) = _engine.ReadRegion(0, 0, framed.Width, framed.Height, mode);
            return new OcrText(text, conf);
        }
        finally { LeptonicaApi.boxDestroy(ref box); }
    }

    public IReadOnlyList<OcrWord> ReadWords(IReadOnlyList<PixelRect> exclude)
    {
        // Paint the tables white on a copy and read the rest of the page as running text.
        using var copy = new Pix(LeptonicaApi.pixCopy(IntPtr.Zero, _grey.Handle), "copy page");
        foreach (var r in exclude)
        {
            var box = LeptonicaApi.boxCreate(r.X, r.Y, r.W, r.H);
            LeptonicaApi.pixSetInRect(copy.Handle, box);
            LeptonicaApi.boxDestroy(ref box);
        }
        _engine.SetImage(copy, Dpi);
        return _engine.ReadWords().Select(w => new OcrWord(w.text, new PixelRect(w.x0, w.y0, w.x1 - w.x0, w.y1 - w.y0), w.conf)).ToList();
    }

    public void Dispose()
    {
        _engine.Clear();
        _grey.Dispose();
        _binary.Dispose();
    }
}
