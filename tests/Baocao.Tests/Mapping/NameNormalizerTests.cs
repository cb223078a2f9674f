using Baocao.Mapping;

namespace Baocao.Tests.Mapping;

public class NameNormalizerTests
{
    private static readonly NameNormalizer N = NameNormalizer.Default;

    [Theory]
    [InlineData("Sở TT&TT")]
    [InlineData("Sở Thông tin và Truyền thông")]
    [InlineData("STTTT")]
    [InlineData("SỞ THÔNG TIN VÀ TRUYỀN THÔNG")]
    [InlineData("So Thong tin va Truyen thong")]
    [InlineData("Sở Thông tin và Truyền thôngg")] // an OCR slip
    public void The_many_names_of_one_agency_are_one_agency(string printed)
    {
        var a = N.Agency(printed);
        Assert.NotNull(a);
        Assert.Equal("agency:so-thong-tin-va-truyen-thong", a.Key);
        Assert.Equal("Sở Thông tin và Truyền thông", a.Name);
    }

    [Theory]
    [InlineData("ỦY BAN NHÂN DÂN HUYỆN TRÀ CÚ", "agency:uy-ban-nhan-dan-huyen-tra-cu", "Ủy ban nhân dân huyện Trà Cú")]
    [InlineData("UBND huyện Trà Cú", "agency:uy-ban-nhan-dan-huyen-tra-cu", "Ủy ban nhân dân huyện Trà Cú")]
    [InlineData("UBND TỈNH THỪA THIÊN HUẾ", "agency:uy-ban-nhan-dan-tinh-thua-thien-hue", "Ủy ban nhân dân tỉnh Thừa Thiên Huế")]
    [InlineData("ỦY BAN NHÂN DÂN QUẬN NINH KIỀU", "agency:uy-ban-nhan-dan-quan-ninh-kieu", "Ủy ban nhân dân quận Ninh Kiều")]
    [InlineData("Sở Nông nghiệp và PTNT", "agency:so-nong-nghiep-va-phat-trien-nong-thon", "Sở Nông nghiệp và Phát triển nông thôn")]
    [InlineData("TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG", "agency:trung-tam-phuc-vu-hanh-chinh-cong", "Trung tâm Phục vụ hành chính công")]
    public void Agencies_and_local_governments(string printed, string key, string name)
    {
        var a = N.Agency(printed)!;
        Assert.Equal((key, name), (a.Key, a.Name));
    }

    [Theory]
    [InlineData("Lĩnh vực xuất bản, in và phát hành", "field:xuat-ban-in-va-phat-hanh")]
    [InlineData("Xuất bản, in và phát hành", "field:xuat-ban-in-va-phat-hanh")]
    [InlineData("Lĩnh vực Phát thanh - Truyền hình và Thông tin điện tử", "field:phat-thanh-truyen-hinh-va-thong-tin-dien-tu")]
    [InlineData("Lĩnh vực Phát thanh, Truyền hình và Thông tin điện tử", "field:phat-thanh-truyen-hinh-va-thong-tin-dien-tu")]
    [InlineData("Hộ tịch (có yếu tố nước ngoài)", "field:ho-tich")]
    [InlineData("Khám - chữa bệnh", "field:kham-benh-chua-benh")]
    [InlineData("Cấp tỉnh", "level:cap-tinh")]
    [InlineData("CẤP TỈNH", "level:cap-tinh")]
    [InlineData("Sở Tư pháp", "agency:so-tu-phap")]
    [InlineData("Công an tỉnh", "agency:cong-an-tinh")]
    public void Row_labels_go_onto_their_lists(string label, string key) => Assert.Equal(key, N.RowLabel(label)?.Key);

    [Theory]
    [InlineData("Thủ tục cấp giấy phép bưu chính")]
    [InlineData("DVCTT DO SỞ THÔNG TIN VÀ TRUYỀN THÔNG CHỦ ĐỘNG TRIỂN KHAI")]
    [InlineData("")]
    [InlineData(null)]
    public void What_is_on_no_list_stays_null(string? label) => Assert.Null(N.RowLabel(label));

    [Fact]
    public void Keys_are_slugs_of_the_canonical_names() =>
        Assert.Equal("so-lao-dong-thuong-binh-va-xa-hoi", NameNormalizer.Slug("Sở Lao động - Thương binh và Xã hội"));
}
