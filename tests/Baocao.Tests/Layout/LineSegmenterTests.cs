using Baocao.Documents;
using Baocao.Layout;
using static Baocao.Tests.TestPages;

namespace Baocao.Tests.Layout;

public class LineSegmenterTests
{
    [Fact]
    public void Two_header_columns_on_one_line_are_two_segments()
    {
        var words = Line(100, 50, "UBND TỈNH TRÀ VINH").Concat(Line(300, 50, "CỘNG HÒA XÃ HỘI")).ToList();
        var segs = LineSegmenter.Segments(words, new LayoutOptions());
        Assert.Equal(["UBND TỈNH TRÀ VINH", "CỘNG HÒA XÃ HỘI"], segs.Select(s => s.Text));
    }

    [Fact]
    public void Justified_prose_with_evenly_stretched_spaces_stays_one_segment()
    {
        // Every gap 9pt wide: a stretched justified line, not columns.
        var words = new List<Word>();
        var x = 85.0;
        foreach (var t in "Số mới tiếp nhận trong kỳ: 61 hồ sơ".Split(' '))
        {
            words.Add(new Word(t, new BBox(x, 100, x + 6 * t.Length, 112)));
            x += 6 * t.Length + 9;
        }
        var segs = LineSegmenter.Segments(words, new LayoutOptions());
        Assert.Equal("Số mới tiếp nhận trong kỳ: 61 hồ sơ", Assert.Single(segs).Text);
    }

    [Fact]
    public void Words_on_different_lines_are_ordered_top_to_bottom()
    {
        var words = Line(85, 120, "dòng hai").Concat(Line(85, 100, "dòng một")).ToList();
        var lines = LineSegmenter.Lines(words);
        Assert.Equal("dòng một", WordText.JoinLine(lines[0]));
        Assert.Equal("dòng hai", WordText.JoinLine(lines[1]));
    }

    [Fact]
    public void A_word_a_hair_off_its_line_stays_with_the_words_beside_it()
    {
        // Sample 18 at 300 dpi, as OCR boxed it: small recipients on the left, the signer's larger title on the right;
        // "PHÓ" is centred 0.2pt lower than "GIÁM ĐỐC" and fell outside the left column's band, so it was read after them.
        var words = new List<Word>
        {
            new("-", new BBox(88.32, 582.72, 91.2, 583.68)), new("Văn", new BBox(94.56, 578.4, 112.32, 585.84)),
            new("phòng", new BBox(115.92, 577.92, 142.56, 588.24)), new("UBND", new BBox(145.92, 578.4, 176.4, 585.84)),
            new("tỉnh;", new BBox(180, 578.16, 198.96, 587.28)),
            new("PHÓ", new BBox(366, 579.12, 395.28, 591.36)), new("GIÁM", new BBox(400.08, 577.68, 438.72, 592.32)),
            new("ĐỐC", new BBox(442.8, 578.64, 472.8, 591.36)),
            new("Giám", new BBox(94.8, 590.88, 118.32, 598.56)), new("đốc", new BBox(121.92, 590.4, 137.04, 598.56)),
        };
        var segs = LineSegmenter.Segments(words, new LayoutOptions()).Select(s => s.Text).ToList();
        Assert.Equal(["- Văn phòng UBND tỉnh;", "PHÓ GIÁM ĐỐC", "Giám đốc"], segs);

        // Beside the line's end but mostly below it: the next line's word, not this one's.
        var below = Line(85, 100, "dòng một").Append(new Word("hai", new BBox(133, 108, 151, 120))).ToList();
        Assert.Equal(["dòng một", "hai"], LineSegmenter.Lines(below).Select(WordText.JoinLine));
    }

    [Fact]
    public void Touching_words_split_by_a_font_fallback_are_one_word()
    {
        var words = new List<Word> { new("T", new BBox(10, 0, 17, 12)), new("ổ", new BBox(17, 0, 23, 12)), new("ng", new BBox(23, 0, 35, 12)), new("số", new BBox(38, 0, 50, 12)) };
        Assert.Equal("Tổng số", WordText.JoinLine(words));
    }

    [Fact]
    public void A_word_broken_across_lines_of_a_narrow_cell_is_glued_when_a_piece_has_no_vowel()
    {
        var words = new List<Word> { new("Tổ", new BBox(0, 0, 14, 12)), new("ng", new BBox(0, 14, 12, 26)), new("số", new BBox(14, 14, 26, 26)) };
        Assert.Equal("Tổng số", WordText.Join(words));
        var twoSyllables = new List<Word> { new("Lĩnh", new BBox(0, 0, 24, 12)), new("vực", new BBox(0, 14, 18, 26)) };
        Assert.Equal("Lĩnh vực", WordText.Join(twoSyllables));
    }
}
