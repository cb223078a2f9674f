namespace Baocao.Native.Ocr;

/// <summary>
/// One initialised Tesseract worker (LSTM): one engine per distinct model of its <see cref="OcrModels"/> (text cells,
/// running text, figures; see there why they differ). Initialising costs a few hundred milliseconds, so workers are
/// kept in a pool and reused for every page; a worker is used by one thread at a time.
/// </summary>
public sealed class TesseractEngine : IDisposable
{
    private readonly Handle _cells;
    private readonly Handle _page;
    private readonly Handle _figures;

    /// <summary>Where Debian's <c>tesseract-ocr-*</c> packages put the models.</summary>
    public const string DefaultTessdata = "/usr/share/tesseract-ocr/5/tessdata";

    public TesseractEngine(OcrModels? models = null, string? tessdata = null)
    {
        NativeLibraries.Register();
        models ??= OcrModels.Installed(tessdata);
        var handles = new Dictionary<string, Handle>();
        // One handle per distinct language string; an optional model that fails to load falls back to vie.
        Handle Get(string language)
        {
            if (handles.TryGetValue(language, out var h)) return h;
            try { h = new Handle(language, tessdata); }
            catch (OcrException) when (language != "vie") { h = Get("vie"); }
            return handles[language] = h;
        }
        _cells = Get(models.Cells);
        _page = Get(models.Page);
        _figures = Get(models.Figures);
    }

    /// <summary>True when the model of a language is in the tessdata folder (TESSDATA_PREFIX, else Debian's).</summary>
    public static bool ModelInstalled(string language, string? tessdata = null)
    {
        var folder = tessdata ?? Environment.GetEnvironmentVariable("TESSDATA_PREFIX") ?? DefaultTessdata;
        return File.Exists(Path.Combine(folder, language + ".traineddata"));
    }

    /// <summary>The models this engine reads with.</summary>
    public OcrModels Models => new(_cells.Language, _page.Language, _figures.Language);

    private static bool IsFigures(Baocao.Ocr.OcrMode mode) => mode is not Baocao.Ocr.OcrMode.Text;

    /// <summary>Reads a whole image (a cell cut out of the page) as a block of text or a single line of figures.</summary>
    internal (string text, double confidence) Read(Pix pix, int dpi, Baocao.Ocr.OcrMode mode)
    {
        var h = IsFigures(mode) ? _figures : _cells;
        h.SetImage(pix, dpi);
        return h.ReadRegion(0, 0, pix.Width, pix.Height, mode);
    }

    /// <summary>Reads a whole page image as running text and returns its words with boxes and confidences.</summary>
    /// <param name="thorough">Read with the cells' models (<see cref="OcrModels.Cells"/>), slower and more careful.</param>
    internal List<(string text, int x0, int y0, int x1, int y1, double conf)> ReadWords(Pix pix, int dpi, bool thorough = false)
    {
        var h = thorough ? _cells : _page;
        h.SetImage(pix, dpi);
        return h.ReadWords();
    }

    private Handle? _osd;
    private bool _osdMissing;

    /// <summary>
    /// Tesseract's orientation detection on a page image: the clockwise turn the text shows (0, 90, 180, 270) and its
    /// confidence; null when the <c>osd</c> model is not installed or detection failed. The model is loaded the first
    /// time it is needed (only pages Leptonica cannot decide ask for it).
    /// </summary>
    internal (int degrees, double confidence)? DetectOrientation(Pix pix, int dpi)
    {
        if (_osdMissing) return null;
        if (_osd is null)
        {
            if (!ModelInstalled("osd")) { _osdMissing = true; return null; }
            try { _osd = new Handle("osd", null, TesseractApi.OemTesseractOnly); }
            catch (OcrException) { _osdMissing = true; return null; }
        }
        _osd.SetImage(pix, dpi);
        return _osd.DetectOrientation();
    }

    private IEnumerable<Handle> Distinct() => new[] { _cells, _page, _figures }.Distinct();

    internal void Clear()
    {
        foreach (var h in Distinct()) h.Clear();
        _osd?.Clear();
    }

    public void Dispose()
    {
        foreach (var h in Distinct()) h.Dispose();
        _osd?.Dispose();
    }

    /// <summary>One TessBaseAPI handle, with the page segmentation mode and whitelist it was last set to.</summary>
    private sealed class Handle : IDisposable
    {
        private IntPtr _api;
        private string _whitelist = "";
        private int _psm = -1;

        public string Language { get; }

        public Handle(string language, string? tessdata, int oem = TesseractApi.OemLstmOnly)
        {
            Language = language;
            _api = TesseractApi.TessBaseAPICreate();
            if (_api == IntPtr.Zero) throw new OcrException("Tesseract could not create an engine");
            if (TesseractApi.TessBaseAPIInit2(_api, tessdata, language, oem) != 0)
            {
                TesseractApi.TessBaseAPIDelete(_api);
                _api = IntPtr.Zero;
                throw new OcrException($"Tesseract could not load the '{language}' language data (apt-get install tesseract-ocr-{language})");
            }
            // Quiet: no debug file.
            TesseractApi.TessBaseAPISetVariable(_api, "debug_file", "/dev/null");
        }

        public void SetImage(Pix pix, int dpi)
        {
            TesseractApi.TessBaseAPISetImage2(_api, pix.Handle);
            TesseractApi.TessBaseAPISetSourceResolution(_api, dpi);
        }

        private void Configure(int psm, string whitelist)
        {
            if (psm != _psm) { TesseractApi.TessBaseAPISetPageSegMode(_api, psm); _psm = psm; }
            if (whitelist != _whitelist) { TesseractApi.TessBaseAPISetVariable(_api, "tessedit_char_whitelist", whitelist); _whitelist = whitelist; }
        }

        private void Configure(Baocao.Ocr.OcrMode mode)
        {
            switch (mode)
            {
                case Baocao.Ocr.OcrMode.Numeric: Configure(TesseractApi.PsmSingleLine, Digits); break;
                case Baocao.Ocr.OcrMode.NumericWord: Configure(TesseractApi.PsmSingleWord, Digits); break;
                case Baocao.Ocr.OcrMode.NumericChar: Configure(TesseractApi.PsmSingleChar, "0123456789-x"); break;
                case Baocao.Ocr.OcrMode.ColumnNumber: Configure(TesseractApi.PsmSingleBlock, ColumnNumberChars); break;
                case Baocao.Ocr.OcrMode.ColumnNumberLine: Configure(TesseractApi.PsmSingleLine, ColumnNumberChars); break;
                default: Configure(TesseractApi.PsmSingleBlock, ""); break;
            }
        }

        private const string Digits = "0123456789.,%-x";
        private const string ColumnNumberChars = "0123456789()=+-";

        public (string text, double confidence) ReadRegion(int x, int y, int w, int h, Baocao.Ocr.OcrMode mode)
        {
            Configure(mode);
            TesseractApi.TessBaseAPISetRectangle(_api, x, y, w, h);
            if (TesseractApi.TessBaseAPIRecognize(_api, IntPtr.Zero) != 0) return ("", 0);
            var text = TesseractApi.TakeText(TesseractApi.TessBaseAPIGetUTF8Text(_api));
            var conf = TesseractApi.TessBaseAPIMeanTextConf(_api);
            return (text, Math.Clamp(conf, 0, 100) / 100.0);
        }

        public List<(string text, int x0, int y0, int x1, int y1, double conf)> ReadWords()
        {
            Configure(TesseractApi.PsmAuto, "");
            const int level = TesseractApi.RilWord;
            var words = new List<(string, int, int, int, int, double)>();
            if (TesseractApi.TessBaseAPIRecognize(_api, IntPtr.Zero) != 0) return words;
            var it = TesseractApi.TessBaseAPIGetIterator(_api);
            if (it == IntPtr.Zero) return words;
            try
            {
                var pageIt = TesseractApi.TessResultIteratorGetPageIteratorConst(it);
                do
                {
                    var text = TesseractApi.TakeText(TesseractApi.TessResultIteratorGetUTF8Text(it, level));
                    if (string.IsNullOrWhiteSpace(text)) continue;
                    if (TesseractApi.TessPageIteratorBoundingBox(pageIt, level, out var l, out var t, out var r, out var b) == 0) continue;
                    var conf = TesseractApi.TessResultIteratorConfidence(it, level);
                    words.Add((text, l, t, r, b, Math.Clamp(conf, 0, 100) / 100.0));
                } while (TesseractApi.TessResultIteratorNext(it, level) != 0);
            }
            finally { TesseractApi.TessResultIteratorDelete(it); }
            return words;
        }

        public (int degrees, double confidence)? DetectOrientation() =>
            TesseractApi.TessBaseAPIDetectOrientationScript(_api, out var deg, out var conf, out _, out _) != 0 ? (deg, conf) : null;

        public void Clear() { if (_api != IntPtr.Zero) TesseractApi.TessBaseAPIClear(_api); }

        public void Dispose()
        {
            if (_api == IntPtr.Zero) return;
            TesseractApi.TessBaseAPIDelete(_api);
            _api = IntPtr.Zero;
        }
    }
}

/// <summary>
/// The Tesseract models a worker reads with, as Tesseract language strings. <see cref="Cells"/> reads the text cells of
/// ruled tables: Debian's script model <c>Vietnamese</c> together with the language model <c>vie</c>
/// ("Vietnamese+vie": Tesseract keeps the better reading of each word). On our scans <c>vie</c> alone drops the dot below
/// (nặng) on most words ("Nội vụ" read "Nôi vu", "nghiệp" "nghiêp"); <c>Vietnamese</c> keeps it but misreads some Latin
/// capitals ("TTHC" as "TTHƠ"); together they do better than either. <see cref="Page"/> reads the running text around
/// the tables (header, prose): <c>vie</c> alone, because a page read by both models takes about 2 s against 1.3 s,
/// which would keep OCR under one page per second; a page found to hold a borderless table is read again with the
/// cells' models, since its whole table comes from that reading. <see cref="Figures"/> reads figures and column
/// numbers: <c>eng</c>, which reads "59" where <c>vie</c> reads "99" even with a digit whitelist.
/// </summary>
public sealed record OcrModels(string Cells, string Page, string Figures)
{
    /// <summary>The best models that are installed: each missing one falls back to <c>vie</c>, which is required.</summary>
    public static OcrModels Installed(string? tessdata = null) => new(
        TesseractEngine.ModelInstalled("Vietnamese", tessdata) ? "Vietnamese+vie" : "vie",
        "vie",
        TesseractEngine.ModelInstalled("eng", tessdata) ? "eng" : "vie");
}

/// <summary>
/// A pool of initialised engines, one per worker: a page borrows one, reads, and gives it back. Engines are created
/// lazily, at most <c>size</c> of them.
/// </summary>
public sealed class TesseractEnginePool(int size, OcrModels? models = null) : IDisposable
{
    private readonly SemaphoreSlim _slots = new(size, size);
    private readonly System.Collections.Concurrent.ConcurrentBag<TesseractEngine> _idle = [];
    private readonly System.Collections.Concurrent.ConcurrentBag<TesseractEngine> _all = [];

    public T Use<T>(Func<TesseractEngine, T> work)
    {
        _slots.Wait();
        try
        {
            if (!_idle.TryTake(out var engine))
            {
                engine = new TesseractEngine(models);
                _all.Add(engine);
            }
            try { return work(engine); }
            finally
            {
                engine.Clear();
                _idle.Add(engine);
            }
        }
        finally { _slots.Release(); }
    }

    public void Dispose()
    {
        foreach (var e in _all) e.Dispose();
        _slots.Dispose();
    }
}
