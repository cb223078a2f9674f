namespace Baocao.Tests.Header;

/// <summary>
/// The five seed reports (shared/seeds), reduced to the lines the header stage reads: header table, title, opening and
/// citing paragraphs, closing, signature table and the captions of the attached forms. Texts are copied as printed.
/// The seed dumps lost the header tables' top rows; those lines are the ones the brief and record-format.md give.
/// </summary>
public static class Seeds
{
    private const string Motto1 = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
    private const string Motto2 = "Độc lập - Tự do - Hạnh phúc";

    /// <summary>Seed 000: Sở Thông tin và Truyền thông Trà Vinh, quý II/2021, number and day left blank.</summary>
    public static Part[] S000 =>
    [
        new Columns(
            ["UBND TỈNH TRÀ VINH", "SỞ THÔNG TIN VÀ TRUYỀN THÔNG", "Số:       /BC-STTTT"],
            [Motto1, Motto2, "Trà Vinh, ngày     tháng 6 năm 2021"]),
        new Centre("BÁO CÁO"),
        new Centre("Công tác kiểm soát thủ tục hành chính, triển khai cơ chế một cửa và thực hiện|thủ tục hành chính trên môi trường điện tử quý II/2021"),
        new Para("Thực hiện Quyết định số 71/QĐ-UBND, ngày 13/01/2021 của UBND tỉnh về việc ban hành Kế hoạch kiểm soát thủ tục hành chính tỉnh Trà Vinh năm 2021; Sở Thông tin và Truyền thông báo cáo công tác kiểm soát thủ tục hành chính, triển khai cơ chế một cửa và thực hiện thủ tục hành chính trên môi trường điện tử quý II/2021, như sau:"),
        new Para("I. TÌNH HÌNH, KẾT QUẢ KIỂM SOÁT THỦ TỤC HÀNH CHÍNH (TTHC)", Bold: true),
        new Para("6. Tình hình, kết quả giải quyết TTHC", Bold: true),
        new Para("- Tổng số hồ sơ TTHC đã tiếp nhận trong kỳ báo cáo, trong đó: Số mới tiếp nhận trong kỳ: 61 hồ sơ (trực tuyến: 59 hồ sơ; trực tiếp: 01 hồ sơ và qua dịch vụ bưu chính: 00 hồ sơ); số từ kỳ trước chuyển qua: 01 hồ sơ."),
        new Para("7. Triển khai cơ chế một cửa trong giải quyết TTHC", Bold: true),
        new Para("Tình hình, kết quả triển khai thực hiện Nghị định số 61/2018/NĐ-CP:"),
        new Para("8. Thực hiện TTHC trên môi trường điện tử", Bold: true),
        new Para("- Tình hình, kết quả triển khai thực hiện Nghị định số 45/2020/NĐ-CP: Tiếp tục triển khai thực hiện thực hiện Công văn số 1355/UBND-THNV ngày 13/4/2020 của Chủ tịch UBND tỉnh về việc thực hiện Nghị định số 45/2020/NĐ-CP ngày 08/4/2020 của Chính phủ; Công văn số 1518/UBND-THNV ngày 23/4/2020 của Chủ tịch UBND tỉnh về việc tiếp tục thực hiện Nghị định số 45/2020/NĐ-CP ngày 08/4/2020 của Chính phủ."),
        new Para("III. PHƯƠNG HƯỚNG, NHIỆM VỤ CỦA QUÝ III/2021", Bold: true),
        new Para("Trên đây là báo cáo công tác kiểm soát thủ tục hành chính, triển khai cơ chế một cửa và thực hiện thủ tục hành chính trên môi trường điện tử quý II/2021 và phương hướng quý III/2021 của Sở Thông tin và Truyền thông gửi Văn phòng UBND tỉnh tổng hợp (đính kèm biểu số II.05a; Biểu số II.06a; Biểu số II.07b; Biểu số II.08)/."),
        new Columns(
            ["Nơi nhận:", "- VP UBND tỉnh (b/c);", "- BGĐ Sở;", "- Lưu: VT, VP."],
            ["GIÁM ĐỐC", null, null, null, null, "Nguyễn Văn Này"], CenterCells: false),
        new PageBreak(),
        new Raw("Biểu số II.06a/VPCP/KSTT"),
        new Centre("TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH|TẠI SỞ THÔNG TIN VÀ TRUYỀN THÔNG"),
        new Centre("Kỳ báo cáo: Quý II/2021", Bold: false),
        new Centre("(Từ ngày 15/3/2021 đến ngày 14/6/2021)", Bold: false),
        new Para("- Đơn vị báo cáo: Sở Thông tin và Truyền thông"),
        new Tbl(),
        new PageBreak(),
        new Raw("Biểu số II.07b/VPCP/KSTT"),
        new Tbl(),
        new PageBreak(),
        new Raw("Biểu số II.08/VPCP/KSTT"),
        new Tbl(),
    ];

    /// <summary>Seed 001: UBND huyện Trà Cú, năm 2023 with a calendar range in the title, KT. signer.</summary>
    public static Part[] S001 =>
    [
        new Columns(
            ["ỦY BAN NHÂN DÂN", "HUYỆN TRÀ CÚ", "Số: 533/BC-UBND"],
            [Motto1, Motto2, "Trà Cú, ngày 21 tháng 11 năm 2023"]),
        new Centre("BÁO CÁO"),
        new Centre("Kết quả thực hiện kiểm soát TTHC, triển khai cơ chế một cửa, một cửa liên thông và|thực hiện TTHC trên môi trường điện tử năm 2023|(từ ngày 01/01/2023 đến ngày 20/11/2023)"),
        new Centre("Kính gửi: Văn phòng Ủy ban nhân dân tỉnh.", Bold: false),
        new Para("Thực hiện Thông tư số 01/2020/TT-VPCP ngày 21 tháng 10 năm 2020 của Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ quy định chế độ báo cáo định kỳ và quản lý, sử dụng, khai thác Hệ thống thông tin báo cáo của Văn phòng Chính phủ; Quyết định số 20/QĐ-UBND ngày 09 tháng 01 năm 2023 của Ủy ban nhân dân tỉnh Ban hành Kế hoạch kiểm soát thủ tục hành chính năm 2023 trên địa bàn tỉnh Trà Vinh. Ủy ban nhân dân huyện Trà Cú báo cáo Kết quả thực hiện kiểm soát TTHC, triển khai cơ chế một cửa, một cửa liên thông và thực hiện TTHC trên môi trường điện tử năm 2023, cụ thể như sau:"),
        new Para("I. TÌNH HÌNH, KẾT QUẢ KIỂM SOÁT THỦ TỤC HÀNH CHÍNH (TTHC)", Bold: true),
        new Para("(đính kèm phụ lục 05a.VPCP.KSTTHC)"),
        new Para("(đính kèm phụ lục 06b.VPCP.KSTTHC)"),
        new Para("Nghị quyết số 131/NQ-CP ngày 06/10/2022 của Chính phủ về đẩy mạnh cải cách TTHC; Quyết định số 07/2018/QĐ-UBND ngày 02/3/2018 ban hành Quy chế phối hợp tiếp nhận, xử lý phản ánh, kiến nghị của cá nhân, tổ chức về quy định hành chính trên địa bàn tỉnh; Quyết định số 973/QĐ-UBND ngày 30/5/2022."),
        new Para("Quyết định số 1949/QĐ-UBND ngày 02/10/2018 của UBND tỉnh về ban hành kế hoạch triển khai Nghị định số 61/2018/NĐ-CP ngày 23/4/2018 của Chính phủ về thực hiện cơ chế một cửa, một cửa liên thông trong giải quyết TTHC trên địa bàn tỉnh; Quyết định số 45/2016/QĐ-TTg ngày 19/10/2016 của Thủ tướng Chính phủ về việc tiếp nhận hồ sơ, trả kết quả giải quyết TTHC qua dịch vụ bưu chính công ích, Nghị định số 45/2020/NĐ-CP ngày 08/4/2020 của Chính phủ về thực hiện TTHC trên môi trường điện tử."),
        new Para("- Thực hiện số hóa tại Bộ phận Một cửa trong tiếp nhận, giải quyết TTHC theo quy định tại Nghị định số 107/2021/NĐ-CP của Chính phủ."),
        new Para("Trên đây là tình hình kết quả thực hiện kiểm soát TTHC năm 2023 trên địa bàn huyện, Ủy ban nhân dân huyện Trà Cú báo cáo Văn phòng Ủy ban nhân dân tỉnh Trà Vinh năm./."),
        new Columns(
            ["Nơi nhận:", "- Như trên;", "- CT, các PCT. UBND huyện;", "- Các phòng, ban ngành trực thuộc;", "- UBND các xã, thị trấn;", "- LĐVP;", "- Lưu: VT."],
            ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", null, null, null, "Tăng Thị Thắm"], CenterCells: false),
    ];

    /// <summary>Seed 002: Trung tâm Phục vụ hành chính công Sóc Trăng, tháng 10/2019, range stated in the body.</summary>
    public static Part[] S002 =>
    [
        new Columns(
            ["UBND TỈNH SÓC TRĂNG", "VĂN PHÒNG UBND TỈNH", "TRUNG TÂM PHỤC VỤ|HÀNH CHÍNH CÔNG", "Số: 06 /BC-TTHC"],
            [Motto1, Motto2, null, "Sóc Trăng, ngày 24 tháng 10 năm 2019"]),
        new Centre("BÁO CÁO"),
        new Centre("Tình hình kết quả giải quyết thủ tục hành chính tháng 10 năm 2019"),
        new Para("Thực hiện Khoản 3 Điều 9 Nghị định số 61/2018/NĐ-CP ngày 23/4/2018 của Chính phủ về việc thực hiện cơ chế một cửa, một cửa liên thông trong giải quyết thủ tục hành chính và Quy chế tổ chức, hoạt động của Trung tâm Phục vụ hành chính công tỉnh Sóc Trăng (gọi tắt là Trung tâm), Trung tâm báo cáo tình hình kết quả giải quyết thủ tục hành chính (TTHC) tháng 10 năm 2019 (từ ngày 16/9/2019 đến ngày 15/10/2019) như sau:"),
        new Para("1. Tình hình kết quả giải quyết TTHC:", Bold: true),
        new Para("- Trung tâm đã tiếp nhận 5.661 hồ sơ TTHC (tăng 96 hồ sơ so với tháng trước), trong đó:"),
        new Para("(Chi tiết theo Phụ lục I đính kèm)."),
        new Para("- Có 817 ý kiến đánh giá của tổ chức, cá nhân đến giao dịch tại Trung tâm thông qua máy đánh giá mức độ hài lòng (chiếm 20,99 % hồ sơ đã giải quyết) (Đính kèm Phụ lục II)."),
        new Para("- Phối hợp Sở Thông tin và Truyền thông tổng hợp, đề xuất Chủ tịch UBND tỉnh xem xét, lựa chọn danh mục TTHC để xây dựng bộ hồ sơ mẫu, video hướng dẫn theo Thông tư số 01/2018/TT-VPCP ngày 23/11/2018 của Văn phòng Chính phủ (đính kèm Phụ lục III)."),
        new Para("Trên đây là Báo cáo tình hình kết quả giải quyết TTHC tháng 10 năm 2019 của Trung tâm./."),
        new Columns(
            ["Nơi nhận:", "- Như trên;", "- Chủ tịch, các PCT. UBND tỉnh|(để b/c);", "- CVP, các PCVP. UBND (để b/c);", "- Các Sở, ngành tỉnh;", "- Công chức Sở, ngành làm việc tại TT;", "- Lưu: VT, TTHC."],
            ["GIÁM ĐỐC", null, null, null, null, null, "Phạm Thị Trinh"], CenterCells: false),
        new PageBreak(),
        new Centre("TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT CHỦ TỤC HÀNH CHÍNH THÁNG 10 NĂM 2019"),
        new Centre("(TỪ NGÀY 01/10/2019 ĐẾN 15/10/2019)", Bold: false),
        new Centre("(Ban hành kèm theo Báo cáo số 06/BCH-TTTC ngày 24 /10/2019 của Trung tâm Phục vụ hành chính công)", Bold: false),
        new Tbl(),
    ];

    /// <summary>Seed 003: Sở Ngoại vụ Quảng Ngãi, Quý III năm 2021, number and day blank, mixed-case symbol.</summary>
    public static Part[] S003 =>
    [
        new Columns(
            ["UBND TỈNH QUẢNG NGÃI", "SỞ NGOẠI VỤ", "Số:      /BC-SNgV"],
            [Motto1, Motto2, "Quảng Ngãi, ngày      tháng 9 năm 2021"]),
        new Centre("BÁO CÁO"),
        new Centre("Công tác kiểm soát thủ tục hành chính, triển khai cơ chế một cửa, một cửa liên thông|và thực hiện thủ tục hành chính trên môi trường điện tử Quý III năm 2021"),
        new Para("Thực hiện quy định về báo cáo định kỳ công tác kiểm soát thủ tục hành chính, triển khai cơ chế một cửa, một cửa liên thông trong giải quyết thủ tục hành chính và thực hiện thủ tục hành chính (TTHC) trên môi trường điện tử theo Công văn số 6219/UBND-KSTTHC ngày 12/12/2020 của UBND tỉnh về việc triển khai thực hiện Nghị định số 09/2020/NĐ-CP và Thông tư số 01/2020/TT-VPCP; Sở Ngoại vụ tổng hợp báo cáo như sau:"),
        new Para("I. TÌNH HÌNH, KẾT QUẢ KIỂM SOÁT THỦ TỤC HÀNH CHÍNH (TTHC)", Bold: true),
        new Para("(Số liệu cụ thể tại Biểu số II.05a/VPCP/KSTT)"),
        new Para("6. Tình hình và kết quả giải quyết TTHC: Kết quả giải quyết TTHC từ ngày 15/6/2021 đến ngày 14/9/2021:"),
        new Para("(Số liệu cụ thể tại Biểu số II.06a/VPCP/KSTT)"),
        new Para("- Sở đang thực hiện TTHC trên môi trường điện tử (tại Công văn số 2276/UBND-KSTTHC ngày 20/5/2020 của UBND tỉnh về việc thực hiện Nghị định số 45/2020/NĐ-CP ngày 08/4/2020 của Chính phủ về thực hiện TTHC trên môi trường điện tử)."),
        new Para("Trên đây là báo cáo định kỳ công tác kiểm soát TTHC, triển khai cơ chế một cửa, một cửa liên thông và thực hiện TTHC trên môi trường điện tử Quý III năm 2021 của Sở Ngoại vụ, kính đề nghị Văn phòng UBND tỉnh theo dõi, tổng hợp./."),
        new Columns(
            ["Nơi nhận:", "- VPUBND tỉnh;", "- Sở Nội vụ;", "- SNgV: GD, PGD, VP, LTLSCB, HTQT;", "- Lưu: VT, TH."],
            ["GIÁM ĐỐC", null, null, null, null, "Nguyễn Việt Vy"], CenterCells: false),
        new PageBreak(),
        new Raw("Biểu số II.06a/VPCP/KSTT"),
        new Centre("TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH|TẠI CƠ QUAN, ĐƠN VỊ TRỰC TIẾP GIẢI QUYẾT THỦ TỤC|HÀNH CHÍNH"),
        new Centre("Kỳ báo cáo: Quý III/Năm 2021", Bold: false),
        new Centre("(Từ ngày 15/6/2021 đến ngày 14/9/2021)", Bold: false),
        new Tbl(),
    ];

    /// <summary>Seed 004: not a report but a news page about one (Thừa Thiên Huế, 2020): no header, no signature.</summary>
    public static Part[] S004 =>
    [
        new Para("Tìm kiếm tin tức"),
        new Para("Chung nhan Tin Nhiem Mang"),
        new Para("Thừa Thiên Huế tiếp tục triển khai thực hiện tốt công tác KSTTHC, triển khai cơ chế một cửa, một cửa liên thông trong giải quyết thủ tục hành chính năm 2020"),
        new Para("Ngày cập nhật 12/03/2021"),
        new Para("Năm 2020, dưới sự chỉ đạo quyết liệt của UBND tỉnh, các sở, ban, ngành, các địa phương đã có nhiều nỗ lực, tích cực trong tham mưu, triển khai thực hiện nhiệm vụ cải cách TTHC, kiểm soát TTHC tại cơ quan, đơn vị, địa phương mình."),
        new Para("(Chi tiết tại Biểu số II.02c/VPCP/KSTT)."),
        new Para("- 100% TTHC sau khi được UBND tỉnh công bố ban hành đã được các sở, ban, ngành cấp tỉnh cập nhật vào Hệ thống thông tin TTHC của tỉnh Thừa Thiên Huế theo đúng quy định và công khai trên Trang thông tin điện tử của đơn vị."),
        new Para("(Chi tiết tại Biểu số II.03b/VPCP/KSTT)."),
        new Para("(Chi tiết tại Biểu số II.04/VPCP/KSTT)."),
        new Para("- Thực hiện Nghị định số 63/2008/NĐ-CP ngày 06/4/2008 của Chính phủ về kiểm soát thủ tục hành chính và Thông tư số 02/2017/TT-VPCP ngày 31/10/2017 của Văn phòng Chính phủ hướng dẫn hoạt động kiểm soát TTHC, UBND tỉnh đã ban hành Quyết định số 43/2018/QĐ-UBNDngày 09/8/2018 ban hành quy định về việc tiếp nhận, xử lý phản ánh, kiến nghị."),
        new Para("(Chi tiết tại Biểu số II.05b/VPCP/KSTT)."),
        new Para("(Chi tiết tại Biểu số II.06c/VPCP/KSTT)."),
        new Para("- Ban hành các Quyết định quy định tiếp nhận, giải quyết và trả kết quả giải quyết TTHC theo cơ chế một cửa, một cửa liên thông tại Trung tâm Phục vụ Hành chính công tỉnh (Quyết định số 30/2019/QĐ-UBND ngày 03/6/2019); phù hợp với Nghị định số 61/2018/NĐ-CP."),
        new Para("(Chi tiết tại Biểu số II.07b/VPCP/KSTT)."),
        new Para(" (Chi tiết tại Biểu số II.08/VPCP/KSTT)"),
        new Para("Trần Xuân Triều"),
        new Para("Các tin khác"),
        new Para("Xem tin theo ngày"),
        new Para("Thống kê truy cập"),
        new Para("Tổng truy cập 6.298.007"),
    ];
}
