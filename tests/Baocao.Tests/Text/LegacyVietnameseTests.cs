using System.Text;
using Baocao.Text;

namespace Baocao.Tests.Text;

public class LegacyVietnameseTests
{
    [Theory]
    [InlineData("Ninh B×nh", "Ninh Bình")]
    [InlineData("B¶o Th¾ng", "Bảo Thắng")]
    [InlineData("M\u00ADêng Kh\u00AD¬ng", "Mường Khương")] // ư is the soft-hyphen byte, kept
    [InlineData("Së T\u00AD ph¸p tØnh BÕn Tre", "Sở Tư pháp tỉnh Bến Tre")]
    [InlineData("thñ tôc hµnh chÝnh", "thủ tục hành chính")]
    [InlineData("§éc lËp - Tù do - H¹nh phóc", "Độc lập - Tự do - Hạnh phúc")]
    [InlineData("tæng sè 5.661 hå s¬", "tổng số 5.661 hồ sơ")]
    public void Tcvn3_converts_to_unicode_nfc(string legacy, string unicode)
    {
        var s = LegacyVietnamese.ToUnicode(legacy, LegacyEncoding.Tcvn3);
        Assert.Equal(unicode.Normalize(NormalizationForm.FormC), s);
        Assert.True(s.IsNormalized(NormalizationForm.FormC));
    }

    [Fact]
    public void Tcvn3_upper_case_font_gives_upper_case()
    {
        // .VnTimeH: the lower-case codes drawn as capitals.
        Assert.Equal("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", LegacyVietnamese.ToUnicode("céng hßa x· héi chñ nghÜa viÖt nam", LegacyEncoding.Tcvn3, upperCase: true));
    }

    [Theory]
    [InlineData("Baûo Thaéng", "Bảo Thắng")]
    [InlineData("thuû tuïc haønh chính", "thủ tục hành chính")]
    [InlineData("Ñoäc laäp - Töï do - Haïnh phuùc", "Độc lập - Tự do - Hạnh phúc")]
    [InlineData("COÄNG HOØA XAÕ HOÄI CHUÛ NGHÓA VIEÄT NAM", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")]
    [InlineData("ngöôøi ñaõ giaûi quyeát", "người đã giải quyết")]
    [InlineData("Sôû Tö phaùp", "Sở Tư pháp")]
    public void Vni_converts_base_and_marks(string legacy, string unicode)
    {
        Assert.Equal(unicode.Normalize(NormalizationForm.FormC), LegacyVietnamese.ToUnicode(legacy, LegacyEncoding.Vni));
    }

    [Theory]
    [InlineData(".VnTime", LegacyEncoding.Tcvn3, false)]
    [InlineData(".VnTimeH", LegacyEncoding.Tcvn3, true)]
    [InlineData("ABCDEF+.VnArial", LegacyEncoding.Tcvn3, false)]
    [InlineData("VnTimeH,Bold", LegacyEncoding.Tcvn3, true)]
    [InlineData("VNI-Times", LegacyEncoding.Vni, false)]
    [InlineData("Times New Roman", LegacyEncoding.None, false)]
    [InlineData("Vnexpress Sans", LegacyEncoding.None, false)]
    [InlineData(null, LegacyEncoding.None, false)]
    public void Font_names_announce_the_encoding(string? font, LegacyEncoding expected, bool upper)
    {
        Assert.Equal(expected, LegacyVietnamese.FromFontName(font));
        Assert.Equal(upper, LegacyVietnamese.IsUpperCaseFont(font));
    }

    [Fact]
    public void Detector_fires_on_clearly_legacy_text()
    {
        Assert.Equal(LegacyEncoding.Tcvn3, LegacyVietnamese.Detect("B¸o c¸o kÕt qu¶ gi¶i quyÕt thñ tôc hµnh chÝnh quý II n¨m 2021"));
        Assert.Equal(LegacyEncoding.Vni, LegacyVietnamese.Detect("Baùo caùo keát quaû giaûi quyeát thuû tuïc haønh chính quyù II naêm 2021"));
    }

    [Theory]
    [InlineData("Báo cáo kết quả giải quyết thủ tục hành chính quý II năm 2021")] // Unicode Vietnamese
    [InlineData("Xuân hoàn thành khoá")] // Unicode letters that look like VNI pairs ("uâ", "oà", "oá") prove nothing
    [InlineData("Bao cao ket qua giai quyet thu tuc hanh chinh")] // no marks at all
    [InlineData("Theo § 3 và © 2020")] // lone symbols
    [InlineData("Café à la crème, résumé")] // French
    [InlineData("")]
    public void Detector_stays_quiet_without_clear_evidence(string text)
    {
        Assert.Equal(LegacyEncoding.None, LegacyVietnamese.Detect(text));
        Assert.Equal(text, LegacyVietnamese.Repair(text));
    }

    [Fact]
    public void Repair_converts_only_what_it_detects()
    {
        Assert.Equal("Bảo Thắng, Ninh Bình, Hà Giang", LegacyVietnamese.Repair("B¶o Th¾ng, Ninh B×nh, Hµ Giang"));
        Assert.Equal("Sở Tư pháp tỉnh Bến Tre", LegacyVietnamese.Repair("Sở Tư pháp tỉnh Bến Tre"));
    }
}
