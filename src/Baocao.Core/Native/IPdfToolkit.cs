using Baocao.Documents;

namespace Baocao.Native;

/// <summary>Facts about a PDF file from its trailer and catalogue.</summary>
public sealed record PdfInfo(int Pages, bool Encrypted);

/// <summary>
/// The narrow interface to native PDF tools: everything the PDF reader needs, as plain records. The pure
/// layout and table stages never see a tool, so they are tested with pages built in code.
/// </summary>
public interface IPdfToolkit
{
    /// <summary>Page count and encryption. Throws BadInputException for a damaged or password-protected file.</summary>
    PdfInfo Inspect(string path);

    /// <summary>Every page's size, words with boxes, and ruling lines (from the vector paths).</summary>
    IReadOnlyList<LayoutPage> ReadLayout(string path, int pageCount);
}
