using System.Runtime.InteropServices;

namespace Baocao.Native.Ocr;

/// <summary>
/// The part of Tesseract's C API (tesseract/capi.h, libtesseract 5) that baocao binds. No .NET wrapper of Tesseract
/// is in the package mirror, so these are declared by hand. All strings cross as UTF-8.
/// <list type="bullet">
/// <item><c>TessBaseAPICreate/Delete</c>: one engine; not thread-safe, so engines are pooled one per worker.</item>
/// <item><c>TessBaseAPIInit2</c>: load a language ("vie") from a tessdata folder with an engine mode (LSTM only).</item>
/// <item><c>TessBaseAPISetVariable</c>: e.g. <c>tessedit_char_whitelist</c> for numeric cells.</item>
/// <item><c>TessBaseAPISetPageSegMode</c>: 3 (auto page), 6 (one block), 7 (one line), 8 (one word), 10 (one character).</item>
/// <item><c>TessBaseAPISetImage2</c>, <c>SetSourceResolution</c>, <c>SetRectangle</c>: the image to read (a cell, or a page) and the part of it.</item>
/// <item><c>TessBaseAPIRecognize</c>, <c>GetUTF8Text</c>, <c>MeanTextConf</c>, <c>TessDeleteText</c>: read a region.</item>
/// <item><c>TessBaseAPIDetectOrientationScript</c>: orientation and script detection (the <c>osd</c> model), for pages
/// fed upside down that Leptonica's text-line statistics miss.</item>
/// <item><c>TessBaseAPIGetIterator</c> and the result/page iterator calls: words with boxes and confidences.</item>
/// </list>
/// </summary>
internal static partial class TesseractApi
{
    private const string Lib = "tesseract";

    public const int OemTesseractOnly = 0, OemLstmOnly = 1;
    public const int PsmAuto = 3, PsmSingleBlock = 6, PsmSingleLine = 7, PsmSingleWord = 8, PsmSingleChar = 10, PsmSparseText = 11;
    public const int RilTextLine = 2, RilWord = 3;

    [LibraryImport(Lib)] public static partial IntPtr TessBaseAPICreate();
    [LibraryImport(Lib)] public static partial void TessBaseAPIDelete(IntPtr handle);
    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)] public static partial int TessBaseAPIInit2(IntPtr handle, string? datapath, string language, int oem);
    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)] public static partial int TessBaseAPISetVariable(IntPtr handle, string name, string value);
    [LibraryImport(Lib)] public static partial void TessBaseAPISetPageSegMode(IntPtr handle, int mode);
    [LibraryImport(Lib)] public static partial void TessBaseAPISetImage2(IntPtr handle, IntPtr pix);
    [LibraryImport(Lib)] public static partial void TessBaseAPISetSourceResolution(IntPtr handle, int ppi);
    [LibraryImport(Lib)] public static partial void TessBaseAPISetRectangle(IntPtr handle, int left, int top, int width, int height);
    [LibraryImport(Lib)] public static partial int TessBaseAPIRecognize(IntPtr handle, IntPtr monitor);
    [LibraryImport(Lib)] public static partial IntPtr TessBaseAPIGetUTF8Text(IntPtr handle);
    [LibraryImport(Lib)] public static partial int TessBaseAPIMeanTextConf(IntPtr handle);
    [LibraryImport(Lib)] public static partial void TessDeleteText(IntPtr text);
    [LibraryImport(Lib)] public static partial void TessBaseAPIClear(IntPtr handle);
    [LibraryImport(Lib)] public static partial int TessBaseAPIDetectOrientationScript(IntPtr handle, out int orientDeg, out float orientConf, out IntPtr scriptName, out float scriptConf);
    [LibraryImport(Lib)] public static partial IntPtr TessBaseAPIGetIterator(IntPtr handle);
    [LibraryImport(Lib)] public static partial void TessResultIteratorDelete(IntPtr it);
    [LibraryImport(Lib)] public static partial int TessResultIteratorNext(IntPtr it, int level);
    [LibraryImport(Lib)] public static partial IntPtr TessResultIteratorGetUTF8Text(IntPtr it, int level);
    [LibraryImport(Lib)] public static partial float TessResultIteratorConfidence(IntPtr it, int level);
    [LibraryImport(Lib)] public static partial IntPtr TessResultIteratorGetPageIteratorConst(IntPtr it);
    [LibraryImport(Lib)] public static partial int TessPageIteratorBoundingBox(IntPtr pageIt, int level, out int left, out int top, out int right, out int bottom);

    /// <summary>Copies a string Tesseract allocated and frees it.</summary>
    public static string TakeText(IntPtr p)
    {
        if (p == IntPtr.Zero) return "";
        try { return Marshal.PtrToStringUTF8(p) ?? ""; }
        finally { TessDeleteText(p); }
    }
}
