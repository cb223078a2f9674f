using Baocao.Documents;

namespace Baocao.Readers;

/// <summary>
/// The narrow interface to native PDF tools: everything the PDF reader needs, as plain records. Owned by the reader
/// stage that uses it and implemented by the native adapters (Baocao.Native), which point inward. The pure
/// layout and table stages never see a tool, so they are tested with pages built in code.
/// </summary>
public interface IPdfToolkit
{
    /// <summary>Page count and encryption. Throws BadInputException for a damaged or password-protected file.</summary>
    PdfInfo Inspect(string path);

    /// <summary>Every page's size, words with boxes (and the font of words drawn in a legacy Vietnamese font), and ruling lines (from the vector paths).</summary>
    IReadOnlyList<LayoutPage> ReadLayout(string path, int pageCount);

    /// <summary>The images on each page: their resolution and encoding (to scan at the image's own resolution).</summary>
    IReadOnlyList<PageImage> ListImages(string path);

    /// <summary>Renders one page to an 8-bit grey image file in <paramref name="folder"/>; the problems the renderer reported, if any.</summary>
    (string imagePath, string? problem) RenderPage(string path, int page, int dpi, string folder);
}
