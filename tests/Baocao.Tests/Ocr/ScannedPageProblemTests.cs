using Baocao.Pipeline;

namespace Baocao.Tests.Ocr;

/// <summary>
/// Pages OCR cannot read get one clear message each, and the rest of the document is still extracted. These run
/// the real OCR stack (Tesseract and Leptonica, installed by scripts/install-deps.sh).
/// </summary>
public class ScannedPageProblemTests
{
    private static readonly string Fixtures = Path.Combine(AppContext.BaseDirectory, "Fixtures");
    private static readonly Lazy<Extractor> Shared = new(() => Extractor.CreateDefault(ocrWorkers: 1));

    private static IReadOnlyList<string> Warnings(string file) => Shared.Value.Extract(Path.Combine(Fixtures, file)).Warnings;

    [Fact]
    public void A_blank_page() => Assert.Equal(["page 1: blank page (nothing to read)"], Warnings("blank-scan.pdf"));

    [Fact]
    public void A_one_pixel_image() => Assert.Equal(["page 1: the page image is only 1×1 px, too small to read"], Warnings("one-pixel.pdf"));

    [Fact]
    public void An_image_with_no_text() => Assert.Equal(
        // The photo's texture, evened out as an unevenly lit page, looks like a dense net of faint rules: it is not
        // read as a table (it was a 94×70 grid of "7"s), and both facts are said.
        ["page 1: a pattern of 94×70 lines too dense for a printed table was not read as one (a photo or a texture?)",
         "page 1: no text recognised (an image without text?)"],
        Warnings("photo-no-text.pdf"));

    [Fact]
    public void An_image_in_a_filter_that_cannot_be_decoded()
    {
        var w = Assert.Single(Warnings("jbig2-broken.pdf"));
        Assert.StartsWith("page 1: the page image could not be decoded (jbig2:", w);
    }

    [Fact]
    public void Bad_pages_cost_only_themselves()
    {
        var r = Shared.Value.Extract(Path.Combine(Fixtures, "mixed-bad-pages.pdf"));
        Assert.Equal(3, r.Source.Pages);
        Assert.True(r.Source.Ocr);
        Assert.Equal("12/BC-UBND", r.Header.Number); // page 1 has a text layer and is read as usual
        Assert.Equal(2, r.Warnings.Count);
        Assert.StartsWith("page 2: the page image could not be decoded", r.Warnings[0]);
        Assert.Equal("page 3: blank page (nothing to read)", r.Warnings[1]);
    }
}
