using Baocao.Documents;

namespace Baocao.Ocr;

/// <summary>Whether a page's text layer can be trusted, or the page must be read by OCR.</summary>
public static class TextLayer
{
    /// <summary>
    /// Usable when it has a few words and most of them are made of letters and digits. A scanned page has no
    /// words; a page whose text layer is a broken OCR or font mapping is mostly replacement characters, control
    /// characters or lone symbols.
    /// </summary>
    public static bool IsUsable(IReadOnlyList<Word> words)
    {
        if (words.Count < 3) return false;
        var good = words.Count(w => w.Text.Any(char.IsLetterOrDigit) && !w.Text.Any(c => c == '\uFFFD' || char.IsControl(c) || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.PrivateUse));
        return good >= 0.7 * words.Count;
    }
}

/// <summary>Reads one page of a PDF by OCR. Implemented over the native tools; absent when they are not installed.</summary>
public interface IPageOcr
{
    /// <summary>The page as words and ruling lines, plus one warning per problem met on it.</summary>
    (LayoutPage Page, IReadOnlyList<string> Warnings) Read(string pdfPath, int page, IReadOnlyList<PageImage> images);
}
