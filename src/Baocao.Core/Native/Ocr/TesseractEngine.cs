namespace Baocao.Native.Ocr;

/// <summary>
/// One initialised Tesseract engine (LSTM, Vietnamese). Initialising costs a few hundred milliseconds, so engines
/// are kept in a pool and reused for every page; an engine is used by one thread at a time.
/// </summary>
public sealed class TesseractEngine : IDisposable
{
    private IntPtr _api;
    private string _whitelist = "";
    private int _psm = -1;

    public TesseractEngine(string language = "vie", string? tessdata = null)
    {
        NativeLibraries.Register();
        _api = TesseractApi.TessBaseAPICreate();
        if (_api == IntPtr.Zero) throw new OcrException("Tesseract could not create an engine");
        if (TesseractApi.TessBaseAPIInit2(_api, tessdata, language, TesseractApi.OemLstmOnly) != 0)
        {
            TesseractApi.TessBaseAPIDelete(_api);
            _api = IntPtr.Zero;
            throw new OcrException($"Tesseract could not load the '{language}' language data (apt-get install tesseract-ocr-{language})");
        }
        // Quiet: no debug file, no dictionary-driven "corrections" of figures.
        TesseractApi.TessBaseAPISetVariable(_api, "debug_file", "/dev/null");
    }

    internal void SetImage(Pix pix, int dpi)
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

    /// <summary>Reads one region of the current image as a block (text) or a single line of figures.</summary>
    internal (string text, double confidence) ReadRegion(int x, int y, int w, int h, Baocao.Ocr.OcrMode mode)
    {
        Configure(mode);
        TesseractApi.TessBaseAPISetRectangle(_api, x, y, w, h);
        if (TesseractApi.TessBaseAPIRecognize(_api, IntPtr.Zero) != 0) return ("", 0);
        var text = TesseractApi.TakeText(TesseractApi.TessBaseAPIGetUTF8Text(_api));
        var conf = TesseractApi.TessBaseAPIMeanTextConf(_api);
        return (text, Math.Clamp(conf, 0, 100) / 100.0);
    }

    /// <summary>Reads the whole current image as a page and returns its words with boxes and confidences.</summary>
    internal List<(string text, int x0, int y0, int x1, int y1, double conf)> ReadWords()
    {
        Configure(TesseractApi.PsmAuto, "");
        return Words();
    }

    private List<(string text, int x0, int y0, int x1, int y1, double conf)> Words()
    {
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

    internal void Clear() => TesseractApi.TessBaseAPIClear(_api);

    public void Dispose()
    {
        if (_api == IntPtr.Zero) return;
        TesseractApi.TessBaseAPIDelete(_api);
        _api = IntPtr.Zero;
    }
}

/// <summary>
/// A pool of initialised engines, one per worker: a page borrows one, reads, and gives it back. Engines are created
/// lazily, at most <c>size</c> of them.
/// </summary>
public sealed class TesseractEnginePool(int size, string language = "vie") : IDisposable
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
                engine = new TesseractEngine(language);
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
