using Baocao.Documents;
using Baocao.Layout;
using Baocao.Native;
using Baocao.Tables;

namespace Baocao.Readers;

/// <summary>
/// Digital PDF: the native toolkit gives words and ruling lines per page; the pure layout stage turns them into
/// blocks; tables split across pages are stitched. Pages with no text layer are reported (OCR is a later stage).
/// </summary>
public sealed class PdfReader(IPdfToolkit toolkit, PageLayoutAnalyzer analyzer) : IDocumentReader
{
    public string Format => "pdf";

    public DocumentContent Read(string path, string sha256)
    {
        CheckHeader(path);
        var info = toolkit.Inspect(path);
        var pages = toolkit.ReadLayout(path, info.Pages);
        var warnings = new List<string>();
        var blocks = new List<Block>();
        foreach (var page in pages)
        {
            if (page.Words.Count == 0)
            {
                warnings.Add($"page {page.Number}: no text layer (a scanned page needs OCR)");
                continue;
            }
            blocks.AddRange(analyzer.Analyze(page));
        }
        return new DocumentContent(new SourceInfo(path, sha256, Format, info.Pages, false), TableStitcher.Stitch(blocks), warnings);
    }

    /// <summary>Cheap checks before any tool runs, so the common failures get a precise message.</summary>
    private static void CheckHeader(string path)
    {
        // The header may follow a little junk (allowed by readers), so look in the first kilobyte.
        if (FileHead.Read(path, 1024).AsSpan().IndexOf("%PDF-"u8) < 0) throw new BadInputException(path, "not a PDF file (no %PDF header)");
    }
}
