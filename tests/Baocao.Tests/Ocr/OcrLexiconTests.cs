using Baocao.Ocr;
using Baocao.Pipeline;

namespace Baocao.Tests.Ocr;

/// <summary>Tone marks of OCR'd text cells restored from known phrases, and only from them.</summary>
public class OcrLexiconTests
{
    private static readonly OcrLexicon Lexicon = new(["Hoạt động xây dựng", "Sở Xây dựng", "Tổng cộng", "Tổng số", "Việt Nam", "Hộ tịch", "Bảo trợ xã hội"]);

    [Theory]
    [InlineData("Hoạt động xây dưng", "Hoạt động xây dựng")]   // the dot below dropped
    [InlineData("Sở Xây dưng", "Sở Xây dựng")]
    [InlineData("TÔNG CỘNG", "TỔNG CỘNG")]                     // upper case kept
    [InlineData("Tống số", "Tổng số")]                          // a wrong mark replaced
    [InlineData("Hộ tich", "Hộ tịch")]
    [InlineData("Bảo trơ xã hôi", "Bảo trợ xã hội")]
    [InlineData("người nước ngoài cư trú tại Viết Nam;", "người nước ngoài cư trú tại Việt Nam;")]   // a known phrase inside a longer cell
    public void A_known_phrase_takes_its_marks(string read, string expected) => Assert.Equal(expected, Lexicon.Restore(read));

    [Theory]
    [InlineData("Đầu tư tai nước ngoài")]      // "tai" alone: no known phrase around it
    [InlineData("Hoạt động xây lắp")]          // other letters: not the phrase
    [InlineData("4.609")]
    [InlineData("")]
    public void Anything_else_is_left_as_read(string read) => Assert.Equal(read, Lexicon.Restore(read));

    [Fact]
    public void Two_known_spellings_of_one_folded_form_are_never_chosen_between()
    {
        var lexicon = new OcrLexicon(["Bàn cờ", "Bán cỡ"]);
        Assert.Equal("Ban co", lexicon.Restore("Ban co"));
    }

    [Fact]
    public void The_pipelines_lexicon_holds_the_canonical_field_names()
    {
        Assert.Equal("Hoạt động xây dựng", Extractor.ScanLexicon.Restore("Hoạt động xây dưng"));
        // The OCR stage's own lexicon knows the form words only: the canonical names come from the pipeline, as data.
        Assert.Equal("Hoạt động xây dưng", OcrLexicon.Forms.Restore("Hoạt động xây dưng"));
        Assert.Equal("Tổng cộng", OcrLexicon.Forms.Restore("Tông công"));
    }
}

/// <summary>The signers' titles: upper case, where OCR drops the most marks.</summary>
public class SignerTitleLexiconTests
{
    [Theory]
    [InlineData("PHO CHU TỊCH", "PHÓ CHỦ TỊCH")]
    [InlineData("CHỦ TICH", "CHỦ TỊCH")]
    [InlineData("PHO CHANH VAN PHONG", "PHÓ CHÁNH VĂN PHÒNG")]
    [InlineData("PHO TRƯƠNG PHONG", "PHÓ TRƯỞNG PHÒNG")]
    [InlineData("GIÁM ĐỐC", "GIÁM ĐỐC")]
    [InlineData("GLAM ĐOC", "GLAM ĐOC")]          // other letters: left as read
    [InlineData("PHÓ BÍ THƯ", "PHÓ BÍ THƯ")]      // not a listed title
    public void Titles_take_their_marks(string read, string expected) => Assert.Equal(expected, OcrLexicon.SignerTitles.Restore(read));
}
