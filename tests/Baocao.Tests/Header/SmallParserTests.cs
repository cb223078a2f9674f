using Baocao.Header;

namespace Baocao.Tests.Header;

public class DateParserTests
{
    [Theory]
    [InlineData("Trà Cú, ngày 21 tháng 11 năm 2023", "Trà Cú", "2023-11-21")]
    [InlineData("Sóc Trăng, ngày 24 tháng 10 năm 2019", "Sóc Trăng", "2019-10-24")]
    [InlineData("Trà Vinh, ngày   tháng 6 năm 2021", "Trà Vinh", "2021-06")]           // blank day
    [InlineData("Trà Vinh, ngày tháng 6 năm 2021", "Trà Vinh", "2021-06")]             // PDF: the blank collapsed
    [InlineData("Quảng Ngãi, ngày ..... tháng ..... năm 2021", "Quảng Ngãi", "2021")]  // blank day and month, dotted
    [InlineData("Hà Nội, ngày    tháng    năm 2022", "Hà Nội", "2022")]
    [InlineData("Quảng Ngãi, ngày — tháng 9 năm 2021", "Quảng Ngãi", "2021-09")]        // OCR: a dotted blank read as a dash
    [InlineData("Bến Tre, ngày 05/12/2022", "Bến Tre", "2022-12-05")]
    [InlineData("Bến Tre,ngày  5  tháng  3  năm  2022", "Bến Tre", "2022-03-05")]
    [InlineData("TP. Hồ Chí Minh, ngày 01 tháng 02 năm 2020", "TP. Hồ Chí Minh", "2020-02-01")]
    [InlineData("Số: 533/BC-UBND Trà Cú, ngày 21 tháng 11 năm 2023", "Trà Cú", "2023-11-21")]  // number on the same line
    [InlineData("Độc lập - Tự do - Hạnh phúc Trà Vinh, ngày 2 tháng 6 năm 2021", "Trà Vinh", "2021-06-02")]
    public void PlaceAndDate(string line, string place, string iso)
    {
        var pd = DateParser.ParsePlaceDate(line);
        Assert.NotNull(pd);
        Assert.Equal(place, pd!.Place);
        Assert.Equal(iso, pd.Date.ToIso());
    }

    [Fact]
    public void DateWithoutPlace()
    {
        var pd = DateParser.ParsePlaceDate("ngày 21 tháng 11 năm 2023");
        Assert.Null(pd!.Place);
        Assert.Equal(new VietDate(2023, 11, 21), pd.Date);
    }

    [Theory]
    [InlineData("ngày 31 tháng 2 năm 2021")]   // no 31 February
    [InlineData("ngày 12 tháng 13 năm 2021")]
    [InlineData("Ngày cập nhật 12/03/2021")]    // not the administrative form
    [InlineData("tháng 6 năm 2021")]
    public void NotADate(string text)
    {
        Assert.Null(DateParser.ParseDate(text));
    }
}

public class DocNumberTests
{
    [Theory]
    [InlineData("Số: 533/BC-UBND", "533/BC-UBND", "BC-UBND", "BC")]
    [InlineData("Số: /BC-STTTT", null, "BC-STTTT", "BC")]
    [InlineData("Số:       /BC-STTTT", null, "BC-STTTT", "BC")]
    [InlineData("Số: ......./BC-UBND", null, "BC-UBND", "BC")]
    [InlineData("Số: 06 /BC-TTHC", "06/BC-TTHC", "BC-TTHC", "BC")]
    [InlineData("Số 533/BC-UBND", "533/BC-UBND", "BC-UBND", "BC")]
    [InlineData("Số :533 / BC - UBND", "533/BC-UBND", "BC-UBND", "BC")]
    [InlineData("SỐ: 12/KH-UBND", "12/KH-UBND", "KH-UBND", "KH")]
    [InlineData("Số: /BC-SNgV", null, "BC-SNgV", "BC")]
    [InlineData("Số: 45/TTr-STP", "45/TTr-STP", "TTr-STP", "TTr")]
    [InlineData("Số: 1234/UBND-VP", "1234/UBND-VP", "UBND-VP", null)]
    [InlineData("Số: 07/2018/QĐ-UBND", "07/2018/QĐ-UBND", "QĐ-UBND", "QĐ")]
    [InlineData("Số: 533/BC-UBND Trà Cú, ngày 21 tháng 11 năm 2023", "533/BC-UBND", "BC-UBND", "BC")]
    public void NumberLine(string line, string? number, string symbol, string? type)
    {
        Assert.Equal(new DocNumber(number, symbol, type), DocNumberParser.Parse(line));
    }

    [Theory]
    [InlineData("Số lượng hồ sơ đã giải quyết: 60")]
    [InlineData("Số mới tiếp nhận trong kỳ: 61 hồ sơ")]
    [InlineData("Số: 20.432/22.278")]
    public void NotANumberLine(string line)
    {
        Assert.Null(DocNumberParser.Parse(line));
    }

    [Theory]
    [InlineData("61/2018/NĐ-CP", "61/2018/NĐ-CP", "NĐ-CP", "NĐ")]
    [InlineData("45/2016/QĐ-TTg", "45/2016/QĐ-TTg", "QĐ-TTg", "QĐ")]
    [InlineData("1234/UBND-VP", "1234/UBND-VP", "UBND-VP", null)]
    public void BareNumber(string text, string number, string symbol, string? type)
    {
        Assert.Equal(new DocNumber(number, symbol, type), DocNumberParser.ParseBare(text));
    }
}

public class ProvincesTests
{
    [Fact]
    public void SixtyThreeDistinctProvinces()
    {
        Assert.Equal(63, Provinces.All.Count);
        Assert.Equal(63, Provinces.All.Select(Provinces.Key).Distinct().Count());
        Assert.All(Provinces.All, p => Assert.Equal(p, Provinces.Lookup(p)));
    }

    [Theory]
    [InlineData("TRÀ VINH", "Trà Vinh")]
    [InlineData("tỉnh Trà Vinh", "Trà Vinh")]
    [InlineData("Thành phố Hồ Chí Minh", "Hồ Chí Minh")]
    [InlineData("TP. Hồ Chí Minh", "Hồ Chí Minh")]
    [InlineData("TP.HCM", "Hồ Chí Minh")]
    [InlineData("Bà Rịa-Vũng Tàu", "Bà Rịa - Vũng Tàu")]
    [InlineData("BÀ RỊA – VŨNG TÀU", "Bà Rịa - Vũng Tàu")]
    [InlineData("Thừa Thiên - Huế", "Thừa Thiên Huế")]
    [InlineData("THỪA THIÊN HUẾ", "Thừa Thiên Huế")]
    [InlineData("Thanh Hoá", "Thanh Hóa")]
    [InlineData("Khánh Hoà", "Khánh Hòa")]
    [InlineData("Đắc Lắc", "Đắk Lắk")]
    [InlineData("THÀNH PHỐ CẦN THƠ", "Cần Thơ")]
    [InlineData("Đà Nẵng", "Đà Nẵng")]
    [InlineData("Hải Phòng", "Hải Phòng")]
    [InlineData("Hà Nội", "Hà Nội")]
    public void Lookup(string text, string canonical)
    {
        Assert.Equal(canonical, Provinces.Lookup(text));
    }

    [Theory]
    [InlineData("Trà Cú")]
    [InlineData("Huế")]
    [InlineData("Vũng Tàu")]
    [InlineData("")]
    public void NotAProvince(string text)
    {
        Assert.Null(Provinces.Lookup(text));
    }

    [Theory]
    [InlineData("trên địa bàn tỉnh Trà Vinh năm 2021", "Trà Vinh")]
    [InlineData("UBND TỈNH SÓC TRĂNG", "Sóc Trăng")]
    [InlineData("UBND tỉnh Quảng Ngãi, UBND tỉnh Quảng Nam", "Quảng Ngãi")]
    [InlineData("ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI", "Hà Nội")]
    [InlineData("Sở Tư pháp TP. Hồ Chí Minh", "Hồ Chí Minh")]
    [InlineData("của UBND tỉnh về việc ban hành Kế hoạch tỉnh Bà Rịa-Vũng Tàu", "Bà Rịa - Vũng Tàu")]
    public void FindAfterPrefix(string text, string province)
    {
        Assert.Equal(province, Provinces.FindAfterPrefix(text));
    }

    [Theory]
    [InlineData("tính đến thời điểm báo cáo, Trà Vinh")]     // "tính" folds like "tỉnh" but is not the prefix
    [InlineData("VĂN PHÒNG UBND TỈNH")]
    [InlineData("UBND HUYỆN TRÀ CÚ")]
    [InlineData("UBND THÀNH PHỐ HUẾ")]
    public void NoProvinceAfterPrefix(string text)
    {
        Assert.Null(Provinces.FindAfterPrefix(text));
    }
}

public class CitationsTests
{
    [Fact]
    public void References_YearedOnly_FirstAppearanceOrder_NoDuplicates()
    {
        var refs = Citations.FindReferences(
        [
            "Thực hiện Quyết định số 71/QĐ-UBND, ngày 13/01/2021 của UBND tỉnh; Nghị định số 61/2018/NĐ-CP",
            "Thông tư số 01/2020/TT-VPCP và Nghị định số 61/2018/NĐ-CP ngày 23/4/2018; Quyết định số 45/2016/QĐ-TTg ngày 19/10/2016",
        ]);
        Assert.Equal(["61/2018/NĐ-CP", "01/2020/TT-VPCP", "45/2016/QĐ-TTg"], refs);
    }

    [Fact]
    public void References_GluedWordIsNotPartOfTheSymbol()
    {
        Assert.Equal(["43/2018/QĐ-UBND"], Citations.FindReferences(["Quyết định số 43/2018/QĐ-UBNDngày 09/8/2018"]));
    }

    [Fact]
    public void References_LawWithDigitsAndJointCircular()
    {
        Assert.Equal(["80/2015/QH13", "01/2017/TTLT-BTP-BNV"],
            Citations.FindReferences(["Luật số 80/2015/QH13; Thông tư liên tịch số 01/2017/TTLT-BTP-BNV."]));
    }

    [Fact]
    public void References_DatesAndRatiosAreNot()
    {
        Assert.Empty(Citations.FindReferences(["ngày 13/01/2021/, kết quả 20.432/22.278, (01/01/2019-15/09/2019), số 1355/UBND-THNV"]));
    }

    [Fact]
    public void References_ExcludeOwnNumber()
    {
        Assert.Equal(["61/2018/NĐ-CP"], Citations.FindReferences(["Báo cáo số 12/2023/BC-UBND theo Nghị định 61/2018/NĐ-CP"], "12/2023/BC-UBND"));
    }

    [Fact]
    public void Forms_Circular2020()
    {
        var forms = Citations.FindForms(
        [
            "(đính kèm biểu số II.05a; Biểu số II.06a; Biểu số II.07b; Biểu số II.08)/.",
            "Biểu số II.06a/VPCP/KSTT",
            "(Chi tiết tại Biểu số II.02c/VPCP/KSTT).",
        ]);
        Assert.Equal(["II.05a", "II.06a", "II.07b", "II.08", "II.02c"], forms);
    }

    [Fact]
    public void Forms_Circular2017()
    {
        var forms = Citations.FindForms(["Biểu số 06a/VPCP/KSTT", "(đính kèm phụ lục 06b.VPCP.KSTTHC)", "kèm theo 05a/VPCP/KSTT"]);
        Assert.Equal(["06a", "06b", "05a"], forms);
    }

    [Fact]
    public void Forms_RomanPrefixReadByOcrAsOtherStrokes()
    {
        // Sample 01 at 300 dpi: "Biểu số II.07b" read as "H.07b"; the code keeps its place in the order of mention.
        Assert.Equal(["II.05a", "II.06a", "II.07b", "II.08"],
            Citations.FindForms(["(đính kèm biểu số II.05a; Biểu số II.06a; Biểu số H.07b; Biểu số II.08}/.", "Biểu số II.07b/VPCP/KSTT"]));
        Assert.Equal(["II.06a", "III.02"], Citations.FindForms(["Biểu số I1.06a/VPCP/KSTT và biểu số IH.02"]));
    }

    [Fact]
    public void Forms_ListAfterOneAnchor()
    {
        Assert.Equal(["II.05a", "II.06a", "II.08"], Citations.FindForms(["đính kèm biểu số II.05a, II.06a và II.08"]));
    }

    [Theory]
    [InlineData("(Chi tiết theo Phụ lục I đính kèm).")]
    [InlineData("(Đính kèm Phụ lục II).")]
    [InlineData("Phụ lục 01: danh mục thủ tục")]                // an agency's own numbered annex
    [InlineData("có 35 đại biểu tham dự, tiêu biểu 02 mô hình")]
    [InlineData("theo mục II.2 Nghị quyết số 131/NQ-CP")]
    [InlineData("Thông tư số 01/2020/TT-VPCP")]
    [InlineData("bare 06a without an anchor")]
    public void Forms_NotCodes(string text)
    {
        Assert.Empty(Citations.FindForms([text]));
    }
}
