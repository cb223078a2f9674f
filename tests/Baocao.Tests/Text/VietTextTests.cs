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

    /// <summary>Clean as it was before its fast path (2026-12-03): the reference the fast path must agree with.</summary>
    private static string CleanReference(string s)
    {
        if (string.IsNullOrEmpty(s)) return string.Empty;
        if (s.Any(c => char.IsControl(c) && !char.IsWhiteSpace(c)))
            s = string.Concat(s.Where(c => !char.IsControl(c) || char.IsWhiteSpace(c)));
        var nfc = s.Normalize(NormalizationForm.FormC);
        return System.Text.RegularExpressions.Regex.Replace(nfc, @"[\s\u00A0\u2007\u202F]+", " ").Trim();
    }

    [Fact]
    public void Every_character_the_fast_path_passes_is_left_alone_by_nfc()
    {
        for (var c = 0x20; c < 0x300; c++) Assert.Equal(((char)c).ToString(), ((char)c).ToString().Normalize(NormalizationForm.FormC));
        for (var c = 0x1E00; c <= 0x1EFF; c++) Assert.Equal(((char)c).ToString(), ((char)c).ToString().Normalize(NormalizationForm.FormC));
    }

    [Fact]
    public void Clean_with_its_fast_path_equals_the_full_normalisation_on_random_text()
    {
        // Pieces where the paths part: decomposed marks (a + U+0301), precomposed letters, đ, no-break and other spaces,
        // tabs, controls, C1 controls, the Angstrom sign (NFC changes it alone), Hangul jamo (they compose), plain text.
        string[] pieces = ["a", "\u0301", "\u0323", "ộ", "Đ", "đ", " ", "  ", "\u00A0", "\u2007", "\u202F", "\t", "\n", "\u0016",
            "\u0085", "\u212B", "\u1100\u1161", "Trà Vinh", "1.572", "(3)=(4)+(5)", "x", "\u0300", "ư\u0309", "\u1EA0", "\u2028", "\u3000"];
        var rnd = new Random(3122026);
        for (var t = 0; t < 20000; t++)
        {
            var s = string.Concat(Enumerable.Range(0, rnd.Next(1, 7)).Select(_ => pieces[rnd.Next(pieces.Length)]));
            Assert.Equal(CleanReference(s), VietText.Clean(s));
        }
        var same = "Sở Tư pháp tỉnh Bến Tre";
        Assert.Same(same, VietText.Clean(same)); // the fast path: no copy
    }
}
