using Baocao.Pipeline;
using Baocao.Tests.Corpus;

namespace Baocao.Tests.Ocr;

/// <summary>The real OCR stack on one scanned corpus sample: the record a digital twin gives, with confidences.</summary>
public class ScannedSampleTests
{
    [Fact]
    public void A_scanned_report_gives_its_form_table_figures_and_confidences()
    {
        var path = Path.Combine(CorpusTests.CorpusDir, "scanned", "04-sngv-quangngai-q3-2021.scan200.pdf");
        var r = Extractor.CreateDefault(ocrWorkers: 1).Extract(path);
        Assert.True(r.Source.Ocr);
        Assert.Equal("BC-SNgV", r.Header.Symbol);
        Assert.Equal("Quảng Ngãi", r.Header.Province);
        var t = Assert.Single(r.Tables);
        Assert.Equal("II.06a", t.Form);
        var total = t.Rows[^1]; // the TỔNG CỘNG row (its label may carry an OCR slip at 200 dpi)
        Assert.Equal(2m, total.Values["received.total"]);
        Assert.Equal(2m, total.Values["resolved.early"]);
        var read = t.Rows.SelectMany(x => x.Cells).Where(c => c.Raw.Length > 0).ToList();
        Assert.All(read, c => Assert.InRange(c.Confidence, 0.01, 1.0));
        Assert.Contains(read, c => c.Confidence < 1.0);
        Assert.All(read, c => Assert.NotNull(c.Box));
        Assert.Contains(r.Figures, f => f.Key == "resolved.early" && f.Value == 2m && f.Confidence < 1.0);
    }
}
