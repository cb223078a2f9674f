using Baocao.Documents;
using Baocao.Layout;
using Baocao.Ocr;
using Baocao.Tables;
using Baocao.Text;

namespace Baocao.Readers;

/// <summary>
/// Digital PDF: the native toolkit gives words and ruling lines per page; the pure layout stage turns them into
/// blocks; tables split across pages are stitched. Pages with no text layer are reported (OCR is a later stage).
/// </summary>
public sealed class PdfReader(IPdfToolkit toolkit, PageLayoutAnalyzer analyzer, IPageOcr? ocr = null, string? ocrProblem = null) : IDocumentReader
{
    public string Format => "pdf";

    public DocumentContent Read(string path, string sha256)
    {
        CheckHeader(path);
        var info = toolkit.Inspect(path);
        var pages = toolkit.ReadLayout(path, info.Pages);
        var warnings = new List<string>();
        var blocks = new List<Block>();
        IReadOnlyList<PageImage>? images = null;
        var ocrUsed = false;
        var legacyWords = 0;
        foreach (var digital in pages)
        {
            var page = digital;
            // A page with no usable text layer is a scan (or a broken layer): it is read by OCR instead.
            if (!TextLayer.IsUsable(page.Words))
            {
                if (ocr is null)
                {
                    warnings.Add($"page {page.Number}: no usable text layer, and OCR is not available ({ocrProblem ?? "disabled"})");
                    continue;
                }
                images ??= toolkit.ListImages(path);
                var (scanned, pageWarnings) = ocr.Read(path, page.Number, images);
                warnings.AddRange(pageWarnings);
                page = scanned;
                ocrUsed = true;
            }
            page = LegacyText.ConvertWords(page, ref legacyWords); // OCR words carry no font: unchanged
            var pageBlocks = analyzer.Analyze(page);
            // A detector's doubt about a table's shape is read here, before stitching rebuilds grids across pages.
            foreach (var t in pageBlocks.OfType<TableBlock>())
                if (t.Grid.Warning is { } tableWarning) warnings.Add($"page {page.Number}: {tableWarning}");
            blocks.AddRange(pageBlocks);
        }
        // A text layer drawn in a TCVN3/VNI font holds the font's bytes as Latin-1 characters: converted word by word above
        // when the PDF names the font; otherwise the extractor's statistics decide (Text/LegacyText).
        if (legacyWords > 0) warnings.Add($"text in legacy Vietnamese fonts (TCVN3/VNI) converted to Unicode ({legacyWords} word(s))");
        return new DocumentContent(new SourceInfo(path, sha256, Format, info.Pages, ocrUsed), TableStitcher.Stitch(blocks), warnings);
    }

    /// <summary>Cheap checks before any tool runs, so the common failures get a precise message.</summary>
    private static void CheckHeader(string path)
    {
        // The header may follow a little junk (allowed by readers), so look in the first kilobyte.
        if (FileHead.Read(path, 1024).AsSpan().IndexOf("%PDF-"u8) < 0) throw new BadInputException(path, "not a PDF file (no %PDF header)");
    }
}
