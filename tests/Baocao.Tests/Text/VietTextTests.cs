using System.Text;
using Baocao.Text;

namespace Baocao.Tests.Text;

public class VietTextTests
{
    [Theory]
    [InlineData("Trà Vinh", "tra vinh")]
    [InlineData("Đúng hạn", "dung han")]
    [InlineData("SỞ TƯ PHÁP", "so tu phap")]
    [InlineData("Quảng Ngãi", "quang ngai")]
    [InlineData("đồng  đội", "dong doi")]
    [InlineData("ÐỒNG THÁP", "dong thap")]
    [InlineData("ðiều", "dieu")]
    public void Fold_drops_tones_and_maps_d_bar(string input, string expected) => Assert.Equal(expected, VietText.Fold(input));

    [Theory]
    [InlineData("Số\u0016 hồ sơ", "Số hồ sơ")]
    [InlineData("a\u0001b\tc", "ab c")]
    [InlineData("Tra\u0300 Vinh", "Trà Vinh")]
    public void Clean_drops_control_characters_and_composes(string input, string expected) => Assert.Equal(expected, VietText.Clean(input));

    [Fact]
    public void Clean_normalises_to_nfc_and_collapses_spaces()
    {
        var decomposed = "Tra\u0300 Vinh".Normalize(NormalizationForm.FormD);
        var cleaned = VietText.Clean("  " + decomposed + "\u00A0\u00A0ngày ");
        Assert.Equal("Trà Vinh ngày", cleaned);
        Assert.True(cleaned.IsNormalized(NormalizationForm.FormC));
    }

    [Theory]
    [InlineData("SỞ THÔNG TIN VÀ TRUYỀN THÔNG", true)]
    [InlineData("Sở Thông tin", false)]
    [InlineData("(1)", false)]
    public void Upper_text(string s, bool expected) => Assert.Equal(expected, VietText.IsUpperText(s));
}
