using Baocao.Documents;
using Baocao.Interpretation;
using Baocao.Mapping;
using Baocao.Pipeline;
using Baocao.Tests.Header;

namespace Baocao.Tests.Ocr;

/// <summary>The header repairs the pipeline makes on OCR'd reports, and only on them.</summary>
public class OcrHeaderTests
{
    private static readonly Extractor Pipeline = new(new Dictionary<string, Baocao.Readers.IDocumentReader>(), new TableInterpreter(new RuleTableColumnMapper()));

    private static DocumentContent Report(bool ocr, string title, string signerTitle) => new(
        new SourceInfo("/scans/04.pdf", new string('0', 64), "pdf", 2, ocr),
        DocBuilder.Pdf(
            new Columns(["UBND TỈNH QUẢNG NGÃI", "SỞ NGOẠI VỤ", "Số: /BC-SNgV"], ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Quảng Ngãi, ngày — tháng 9 năm 2021"]),
            new Centre("BÁO CÁO"), new Centre(title),
            new Para("Thực hiện quy định về báo cáo định kỳ, Sở Ngoại vụ tổng hợp báo cáo như sau:"),
            new Para("Trên đây là báo cáo của Sở./."),
            new Columns(["Nơi nhận:", "- Như trên;", "- Lưu: VT."], ["KT. GIÁM ĐỐC", signerTitle, null, "Lê Văn Hòa"], CenterCells: false)),
        []);

    [Fact]
    public void A_scanned_report_gets_its_quarter_and_signer_title_back_and_says_which_was_inferred()
    {
        var r = Pipeline.FromContent(Report(ocr: true, "Công tác kiểm soát thủ tục hành chính Quý IH năm 2021", "PHO GIAM ĐỐC"));
        Assert.Equal(("quarter", 3), (r.Header.Period!.Kind, r.Header.Period.Quarter));
        Assert.Equal("2021-09", r.Header.Date);
        Assert.Equal("PHÓ GIÁM ĐỐC", r.Header.Signer!.Title);
        Assert.Contains(r.Warnings, w => w.Contains("«Quý IH năm 2021» is not legible (OCR); read as quarter 3 of 2021"));
    }

    [Fact]
    public void A_digital_report_is_read_as_printed()
    {
        var r = Pipeline.FromContent(Report(ocr: false, "Công tác kiểm soát thủ tục hành chính Quý IH năm 2021", "PHO GIAM ĐỐC"));
        Assert.NotEqual("quarter", r.Header.Period?.Kind);
        Assert.Equal("PHO GIAM ĐỐC", r.Header.Signer!.Title);
        Assert.Empty(r.Warnings);
    }
}
