using System.Runtime.InteropServices;

namespace Baocao.Native.Ocr;

/// <summary>
/// The part of Leptonica (leptonica/allheaders.h, liblept 1.82) that baocao binds for image preparation; no .NET
/// image library with these operations is in the package mirror (ImageSharp and SkiaSharp are not).
/// <list type="bullet">
/// <item><c>pixRead</c>, <c>pixDestroy</c>, <c>pixGetWidth/Height/Depth</c>, <c>pixConvertTo8</c>, <c>pixConvertTo1</c>, <c>pixCopy</c>.</item>
/// <item><c>pixOrientDetect</c> and <c>pixRotateOrth</c>: pages fed sideways or upside down (text-line statistics on a binary image).</item>
/// <item><c>pixDeskewGeneral</c>: the skew angle by sweep and search, and the deskewed page.</item>
/// <item><c>pixOtsuAdaptiveThreshold</c>: binarisation.</item>
/// <item><c>pixOpenBrick</c>/<c>pixCloseBrick</c> with long thin bricks and <c>pixConnComp</c>: the table's ruling lines.</item>
/// <item><c>pixClipRectangle</c>, <c>pixClipToForeground</c>, <c>pixThresholdToValue</c>, <c>pixScale</c>, <c>pixAddBorder</c>: a cell cut
/// out around its ink, its paper made pure white, scaled and framed in white for OCR.</item>
/// <item><c>pixGetData</c>, <c>pixGetWpl</c>, <c>pixCreate</c>, <c>pixOr</c>: the grey page copied out for the faint-rule
/// search (<see cref="Baocao.Ocr.FaintRules"/>) and its mask copied back in.</item>
/// <item><c>pixBackgroundNorm</c>, <c>pixSauvolaBinarizeTiled</c>: pages lit unevenly (background normalised, local threshold).</item>
/// <item><c>pixWrite</c>: the cell images, for debugging (<c>BAOCAO_DUMP</c>).</item>
/// <item><c>pixCountPixelsInRect</c>, <c>pixSetInRect</c>, <c>boxCreate</c>/<c>boxDestroy</c>, <c>boxa*</c>: regions.</item>
/// </list>
/// </summary>
internal static partial class LeptonicaApi
{
    private const string Lib = "lept";

    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)] public static partial IntPtr pixRead(string filename);
    [LibraryImport(Lib)] public static partial void pixDestroy(ref IntPtr pix);
    [LibraryImport(Lib)] public static partial int pixGetWidth(IntPtr pix);
    [LibraryImport(Lib)] public static partial int pixGetHeight(IntPtr pix);
    [LibraryImport(Lib)] public static partial int pixGetDepth(IntPtr pix);
    [LibraryImport(Lib)] public static partial IntPtr pixConvertTo8(IntPtr pix, int cmapflag);
    [LibraryImport(Lib)] public static partial IntPtr pixConvertTo1(IntPtr pix, int threshold);
    [LibraryImport(Lib)] public static partial IntPtr pixCopy(IntPtr pixd, IntPtr pixs);
    [LibraryImport(Lib)] public static partial int pixOrientDetect(IntPtr pix, out float upconf, out float leftconf, int mincount, int debug);
    [LibraryImport(Lib)] public static partial IntPtr pixRotateOrth(IntPtr pix, int quads);
    [LibraryImport(Lib)] public static partial IntPtr pixDeskewGeneral(IntPtr pix, int redsweep, float sweeprange, float sweepdelta, int redsearch, int thresh, out float angle, out float conf);
    [LibraryImport(Lib)] public static partial int pixOtsuAdaptiveThreshold(IntPtr pix, int sx, int sy, int smoothx, int smoothy, float scorefract, IntPtr ppixth, out IntPtr ppixd);
    [LibraryImport(Lib)] public static partial IntPtr pixOpenBrick(IntPtr pixd, IntPtr pixs, int hsize, int vsize);
    [LibraryImport(Lib)] public static partial IntPtr pixCloseBrick(IntPtr pixd, IntPtr pixs, int hsize, int vsize);
    [LibraryImport(Lib)] public static partial IntPtr pixConnComp(IntPtr pix, IntPtr ppixa, int connectivity);
    [LibraryImport(Lib)] public static partial int pixCountPixelsInRect(IntPtr pix, IntPtr box, out int count, IntPtr tab8);
    [LibraryImport(Lib)] public static partial int pixSetInRect(IntPtr pix, IntPtr box);
    [LibraryImport(Lib)] public static partial IntPtr pixClipRectangle(IntPtr pix, IntPtr box, IntPtr pboxc);
    [LibraryImport(Lib)] public static partial IntPtr pixScale(IntPtr pix, float scalex, float scaley);
    [LibraryImport(Lib)] public static partial IntPtr pixAddBorder(IntPtr pix, int npix, uint val);
    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)] public static partial int pixWrite(string filename, IntPtr pix, int format);
    [LibraryImport(Lib)] public static partial IntPtr pixThresholdToValue(IntPtr pixd, IntPtr pixs, int threshval, int setval);
    [LibraryImport(Lib)] public static partial int pixClipToForeground(IntPtr pixs, IntPtr ppixd, out IntPtr pbox);
    [LibraryImport(Lib)] public static partial int boxGetGeometry(IntPtr box, out int x, out int y, out int w, out int h);
    [LibraryImport(Lib)] public static partial IntPtr boxCreate(int x, int y, int w, int h);
    [LibraryImport(Lib)] public static partial void boxDestroy(ref IntPtr box);
    [LibraryImport(Lib)] public static partial int boxaGetCount(IntPtr boxa);
    [LibraryImport(Lib)] public static partial int boxaGetBoxGeometry(IntPtr boxa, int index, out int x, out int y, out int w, out int h);
    [LibraryImport(Lib)] public static partial void boxaDestroy(ref IntPtr boxa);
    [LibraryImport(Lib)] public static partial IntPtr pixGetData(IntPtr pix);
    [LibraryImport(Lib)] public static partial int pixGetWpl(IntPtr pix);
    [LibraryImport(Lib)] public static partial IntPtr pixCreate(int width, int height, int depth);
    [LibraryImport(Lib)] public static partial IntPtr pixOr(IntPtr pixd, IntPtr pixs1, IntPtr pixs2);
    [LibraryImport(Lib)] public static partial IntPtr pixBackgroundNorm(IntPtr pixs, IntPtr pixim, IntPtr pixg, int sx, int sy, int thresh, int mincount, int bgval, int smoothx, int smoothy);
    [LibraryImport(Lib)] public static partial int pixSauvolaBinarizeTiled(IntPtr pixs, int whsize, float factor, int nx, int ny, IntPtr ppixth, out IntPtr ppixd);
}
