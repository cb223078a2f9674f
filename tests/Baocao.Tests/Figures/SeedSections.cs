namespace Baocao.Tests.Figures;

/// <summary>
/// The results sections of the five seed reports (shared/seeds), with the paragraphs around them so that the section
/// bounds are exercised too. One line is one paragraph. Converter markup ("####", "**", "*…*", "&lt;sup&gt;") is
/// removed, as a real reader would not produce it; seed 002's two paragraphs split by a page break are joined again.
/// </summary>
internal static class SeedSections
{
    /// <summary>Sở Thông tin và Truyền thông Trà Vinh, quý II/2021.</summary>
    public const string Seed000 = """
        5. Tiếp nhận, xử lý phản ánh, kiến nghị về quy định, TTHC
        - Tổng số phản ánh, kiến nghị đã tiếp nhận trong kỳ báo cáo, trong đó: Số tiếp nhận mới trong kỳ: 0; số từ kỳ trước chuyển qua: 0; số phản ánh, kiến nghị về quy định hành chính: 0; số phản ánh, kiến nghị về hành vi hành chính: 0
        - Số phản ánh, kiến nghị đã xử lý: 0; trong đó số đã được đăng tải công khai: 0
        - Số phản ánh, kiến nghị đang xử lý: 0
        6. Tình hình, kết quả giải quyết TTHC
        - Tổng số hồ sơ TTHC đã tiếp nhận trong kỳ báo cáo, trong đó: Số mới tiếp nhận trong kỳ: 61 hồ sơ (trực tuyến: 59 hồ sơ; trực tiếp: 01 hồ sơ và qua dịch vụ bưu chính: 00 hồ sơ); số từ kỳ trước chuyển qua: 01 hồ sơ.
        - Số lượng hồ sơ đã giải quyết: 60 hồ sơ; trong đó, giải quyết trước hạn: 60 hồ sơ, đúng hạn: 0 hồ sơ, quá hạn: 0 hồ sơ.
        - Số lượng hồ sơ đang giải quyết: 01 hồ sơ; trong đó, trong hạn: 01 hồ sơ, quá hạn: 0 hồ sơ.
        7. Triển khai cơ chế một cửa trong giải quyết TTHC
        Tình hình, kết quả triển khai thực hiện Nghị định số 61/2018/NĐ-CP:
        """;

    /// <summary>UBND huyện Trà Cú, năm 2023.</summary>
    public const string Seed001 = """
        5. Tiếp nhận, xử lý phản ánh, kiến nghị về quy định, TTHC
        Tổng số phản ánh, kiến nghị đã tiếp nhận trong kỳ báo cáo: 01
        Trong đó:
        - Kiến nghị về lĩnh vực Hộ tịch: 01
        - Đã hoàn thành, công khai: 01
        (đính kèm phụ lục 05a.VPCP.KSTTHC)
        6. Tình hình, kết quả giải quyết TTHC
        - Tổng số hồ sơ TTHC đã tiếp nhận trong kỳ báo cáo, trong đó: Số mới tiếp nhận trong kỳ: 22.278 (6.717 trực tiếp, 15.561 trực tuyến, tỷ lệ 69,85% so với tổng số hồ sơ tiếp nhận); số từ kỳ trước chuyển qua: 00
        - Số lượng hồ sơ đã giải quyết: 22.278; trong đó, giải quyết trước và đúng hạn: 21.829 chiếm 97,98%, quá hạn: 449 chiếm 2,02%.
        - Số lượng hồ sơ đang giải quyết: 00; trong đó, trong hạn: 00, quá hạn: 00
        (đính kèm phụ lục 06b.VPCP.KSTTHC)
        1 Thông tư số 01/2020/TT-VPCP ngày 21 tháng 10 năm 2020 của Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ quy định chế độ báo cáo định kỳ và quản lý, sử dụng, khai thác Hệ thống thông tin báo cáo của Văn phòng Chính phủ; Quyết định số 20/QĐ-UBND ngày 09 tháng 01 năm 2023 của Ủy ban nhân dân tỉnh Ban hành Kế hoạch kiểm soát thủ tục hành chính năm 2023 trên địa bàn tỉnh Trà Vinh; Công văn số 388/UBND-THNV ngày 03/02/2023 của Chủ tịch UBND tỉnh về việc khắc phục những hạn chế trong công tác kiểm soát thủ tục hành chính (TTHC), cải cách thủ tục hành chính (TTHC), Quyết định số 2092/QĐ-UBND ngày 28/10/2022 ban hành Kế hoạch rà soát, đơn giản hóa thủ tục hành chính nội bộ trong hệ thống hành chính nhà nước giai đoạn 2022 - 2025 trên địa bàn tỉnh Trà Vinh; Công văn số 371/VP-THNV ngày 21/02/2023 của Văn phòng UBND tỉnh về việc rà soát Thủ tục hành chính nội bộ; Quyết định số 04/QĐ-UBND ngày 30/01/2023 của Ủy ban nhân dân huyện Trà Cú ban hành Kế hoạch kiểm soát thủ tục hành chính năm 2023 trên địa bàn huyện Trà Cú, Công văn số 119/UBND-VP ngày 09/02/2023 của Chủ tịch Ủy ban nhân dân huyện về việc khắc phục những hạn chế trong công tác kiểm soát thủ tục hành chính, cải cách thủ tục hành chính, công văn số 199/UBND-VP ngày 27/02/2023 của Chủ tịch Ủy ban nhân dân huyện về việc tiếp tục rà soát thủ tục hành chính nội bộ, công văn số 698/UBND ngày 25/5/2023 của Chủ tịch Ủy ban nhân dân huyện về việc tăng cường thực hiện nhiệm vụ kiểm soát Thủ tục hành chính.
        7. Triển khai cơ chế một cửa, một cửa liên thông trong giải quyết TTHC
        - Tiếp tục quán triệt, triển khai thực hiện các văn bản chỉ đạo của Trung ương, của tỉnh2. Ủy ban nhân dân huyện tiếp tục ban hành Công văn số 862/UBND-VP ngày 26/6/2023 về việc rà soát mức thu phí, lệ phí đối với các hoạt động cung cấp dịch vụ công trực tuyến; Công văn số 1078/UBND-VP ngày 25/9/2023 về việc rà soát, giải quyết các văn bản trễ hạn trên dịch vụ công, quá đó nâng cao trách nhiệm của cán bộ, công chức trong việc giải quyết các hồ sơ trên hệ thống dịch vụ công của tỉnh.
        """;

    /// <summary>Trung tâm Phục vụ hành chính công Sóc Trăng, tháng 10/2019.</summary>
    public const string Seed002 = """
        Thực hiện Khoản 3 Điều 9 Nghị định số 61/2018/NĐ-CP ngày 23/4/2018 của Chính phủ về việc thực hiện cơ chế một cửa, một cửa liên thông trong giải quyết thủ tục hành chính và Quy chế tổ chức, hoạt động của Trung tâm Phục vụ hành chính công tỉnh Sóc Trăng (gọi tắt là Trung tâm), Trung tâm báo cáo tình hình kết quả giải quyết thủ tục hành chính (TTHC) tháng 10 năm 2019 (từ ngày 16/9/2019 đến ngày 15/10/2019) như sau:
        1. Tình hình kết quả giải quyết TTHC:
        Trong tháng 10 năm 2019, Trung tâm phối hợp các Sở, ngành thực hiện tốt quy chế phối hợp; theo dõi, đôn đốc các quầy Sở, ngành tiếp nhận và trả kết quả giải quyết TTHC đúng hạn. Thường xuyên nhắc nhở công chức các Sở, ngành làm việc tại Trung tâm nêu cao tinh thần, thái độ phục vụ để mang đến sự hài lòng cao nhất cho tổ chức, cá nhân đến giao dịch.
        - Trung tâm đã tiếp nhận 5.661 hồ sơ TTHC (tăng 96 hồ sơ so với tháng trước), trong đó:
        + Kỳ trước chuyển sang: 1.194 hồ sơ, tiếp nhận mới: 4.467 hồ sơ;
        + Đã giải quyết 3.892 hồ sơ (chiếm 68,75 % trên tổng số 5.661 hồ sơ); trong đó, trả hồ sơ trước hạn và đúng hạn là 3.880 hồ sơ, chiếm 99,69 % (tăng 0,06 % so với tháng trước); số hồ sơ đã giải quyết trễ hạn 12 hồ sơ (chiếm 0,31 %, giảm 04 hồ sơ so với tháng trước); nguyên nhân 12 trường hợp quá hạn của Sở Tư pháp là do chờ kết quả xác minh lý lịch tư pháp của Trung tâm Lý lịch tư pháp Quốc gia thuộc Bộ Tư pháp.
        + Đang giải quyết 1.769 hồ sơ (chiếm 31,25 % trên tổng số 5.661 hồ sơ); trong đó, đang giải quyết còn hạn là 1.747 hồ sơ (chiếm 98,76 %); đang giải quyết quá hạn là 22 hồ sơ (chiếm 1,24 %); nguyên nhân quá hạn 01 trường hợp của Sở Giáo dục và Đào tạo do Sở chưa kịp thời rà soát, cập nhật các TTHC trong khi Bộ ngành đã công bố TTHC, quá hạn 21 trường hợp do chờ kết quả xác minh lý lịch tư pháp của Trung tâm Lý lịch tư pháp Quốc gia thuộc Bộ Tư pháp.
        + Có 04 hồ sơ bị trả lại (chiếm 0,07 %, tăng 04 hồ sơ so với tháng trước) do nội dung chưa đạt yêu cầu theo thẩm định của phòng chuyên môn thuộc Sở hoặc do khách hàng rút hồ sơ (thuộc Sở Lao động – Thương binh và Xã hội, Sở Tài chính, Sở Văn hóa, Thể thao và Du lịch).
        - Có 578 hồ sơ tiếp nhận qua hình thức trực tuyến (chiếm 10,21 % trên tổng số 5.661 hồ sơ, tăng 3,11 % so với tháng trước). Một số Sở có số hồ sơ trực tuyến phát sinh tăng như các đơn vị: Sở Công Thương, Sở Giáo dục và Đào tạo, Sở Kế hoạch và Đầu tư, Sở Nội vụ, Sở Nông nghiệp và Phát triển nông thôn, Sở Tài chính, Sở Tài nguyên và Môi trường, Sở Văn hóa, Thể thao và Du lịch, Sở Xây dựng, Sở Y tế; nguyên nhân là do công chức một cửa được hỗ trợ tập huấn và tăng cường hướng dẫn người dân đăng ký hồ sơ trực tuyến mức độ 3, 4.
        (Chi tiết theo Phụ lục I đính kèm).
        - Có 817 ý kiến đánh giá của tổ chức, cá nhân đến giao dịch tại Trung tâm thông qua máy đánh giá mức độ hài lòng (chiếm 20,99 % hồ sơ đã giải quyết); kết quả có 99,88 % tổ chức, cá nhân hài lòng với dịch vụ và thái độ phục vụ của nhân viên tại Trung tâm, có 0,12 % không hài lòng về nghiệp vụ nhân viên (Đính kèm Phụ lục II).
        - Trung tâm phối hợp với các Sở, ngành chấm điểm đánh giá việc giải quyết TTHC của các Sở, ngành có TTHC thực hiện tại Trung tâm Quý III năm 2019 theo quy định tại Quyết định số 1216/QĐ-UBND ngày 26/4/2019 của Chủ tịch UBND tỉnh và tổng hợp kết quả chấm điểm quý I, II, III năm 2019 gửi các Sở, ngành và các đơn vị có liên quan.
        - Phối hợp với các Sở, ngành tỉnh niêm yết kịp thời các TTHC được sửa đổi, bổ sung hoặc ban hành mới theo Quyết định công bố của Chủ tịch UBND tỉnh được tiếp nhận và trả kết quả tại Trung tâm.
        - Tiếp nhận thay đổi công chức thuộc Sở Tư pháp (01 chính thức và 02 dự phòng) và Sở Nông nghiệp và Phát triển nông thôn (01 dự phòng) được Chủ tịch UBND tỉnh phê duyệt cử đến làm việc tại Trung tâm.
        - Tuyên truyền, hướng dẫn người dân tra cứu kết quả giải quyết hồ sơ TTHC thông qua ứng dụng mạng xã hội Zalo bằng các hình thức như tuyên truyền trực tiếp, phát tờ rơi, hướng dẫn thao tác đăng nhập tra cứu kết quả thông qua Phiếu tiếp nhận và hẹn trả kết quả,...
        - Trung tâm phối hợp Sở Thông tin và Truyền thông tập huấn, bồi dưỡng cho công chức một cửa các Sở, ngành về kỹ năng hướng dẫn cho tổ chức, cá nhân sử dụng dịch vụ công trực tuyến mức độ 3, 4 và thao tác sử dụng, cập nhật các tính năng mới trên hệ thống phần mềm một cửa điện tử. Trung tâm thường xuyên theo dõi, đôn đốc thực hiện các giải pháp để nâng tỷ lệ số hồ sơ trực tuyến mức độ 3, 4.
        - Trung tâm phối hợp với Sở Khoa học và Công nghệ, Sở Thông tin và Truyền thông và Bưu điện tỉnh thực hiện chuyển giao thí điểm cho Bưu điện tỉnh tiếp nhận và trả kết quả giải quyết TTHC của Sở Khoa học và Công nghệ, Sở Thông tin và Truyền thông theo chỉ đạo của Chủ tịch UBND tỉnh tại Công văn số 2109/UBND-TTHC ngày 04/10/2019.
        - Đồng thời phối hợp với Công an tỉnh và Bảo hiểm Xã hội tỉnh tổ chức thực hiện Công văn số 2144/UBND-KSTT ngày 10/10/2019 của Chủ tịch UBND tỉnh triển khai thực hiện Quyết định số 1291/QĐ-TTg ngày 07/10/2019 của Thủ tướng Chính phủ phê duyệt Danh mục TTHC thuộc thẩm quyền giải quyết của các cơ quan Trung ương được tổ chức theo ngành dọc đóng tại địa phương đưa ra tiếp nhận tại Trung tâm Phục vụ hành chính công cấp tỉnh, Bộ phận Tiếp nhận và Trả kết quả giải quyết TTHC cấp huyện, cấp xã.
        2. Một số nội dung tồn tại và kiến nghị
        - Đề nghị các Sở, ngành thường xuyên nhắc nhở các phòng chuyên môn xử lý hồ sơ và cập nhật trên hệ thống phần mềm một cửa điện tử, tránh tình trạng quá trình xử lý ghi nhận hồ sơ trễ hạn nhưng thực tế trả đúng hạn; kịp thời thông tin, gửi văn bản xin lỗi đến người dân trong trường hợp hồ sơ giải quyết trễ hạn nhằm tạo sự hài lòng cao nhất cho người dân khi đến thực hiện TTHC tại Trung tâm. Kịp thời thông báo đến Trung tâm trong các trường hợp cử công chức dự phòng thay thế công chức chính thức do đi công tác hoặc dự tập huấn, học tập theo nội dung Quy chế phối hợp.
        """;

    /// <summary>Sở Ngoại vụ Quảng Ngãi, quý III/2021.</summary>
    public const string Seed003 = """
        5. Tiếp nhận, xử lý phản ánh, kiến nghị về quy định, TTHC
        Trong Quý III/2021, Sở Ngoại vụ không nhận bất kì phản ánh, kiến nghị nào về quy định hành chính và hành vi hành chính trong việc giải quyết TTHC.
        (Số liệu cụ thể tại Biểu số II.05a/VPCP/KSTT)
        6. Tình hình và kết quả giải quyết TTHC: Kết quả giải quyết TTHC từ ngày 15/6/2021 đến ngày 14/9/2021:
        - Tổng số hồ sơ giải quyết TTHC là 2 hồ sơ.
        - Kết quả giải quyết TTHC: 02 hồ sơ đã giải quyết trước thời hạn.
        (Số liệu cụ thể tại Biểu số II.06a/VPCP/KSTT)
        7. Tình hình tiếp nhận, giải quyết TTHC theo cơ chế một cửa, một cửa liên thông: Thực hiện hướng dẫn, tiếp nhận, giải quyết và trả kết quả giải quyết TTHC tại Trung tâm Phục vụ hành chính công tỉnh. Giải quyết TTHC kịp thời, nhanh chóng, thuận tiện, đúng pháp luật, công bằng, bình đẳng, khách quan, công khai, minh bạch và có sự phối hợp chặt chẽ giữa các cơ quan có thẩm quyền.
        8. Thực hiện TTHC trên môi trường điện tử
        """;

    /// <summary>UBND tỉnh Thừa Thiên Huế, năm 2020.</summary>
    public const string Seed004 = """
        + 15 TTHC tiếp nhận trên Cổng dịch vụ công quốc gia đều được đăng tải công khai và đúng hạn; có 01 PA, KN chưa cập nhật được do bị lỗi phần nềm nhưng đã gửi kết quả bằng văn bản kịp thời cho công dân.
        + 60 PA, KN được tiếp nhận qua qua Trang thông tin điện tử của các sở, ban, ngành và UBND cấp huyện đều được trả lời đúng hạn trên website của đơn vị.
        + 30 PA, KN còn lại được các sở, ban, ngành và UBND cấp huyện, cấp xã trả lời đúng hạn bằng văn bản.
        - Có 24/105 PA, KN về hành vi hành chính và 81 PA, KN về quy định hành chính; trong đó, hành vi hành chính chủ yếu liên quan đến thái độ ứng xử, sự tuân thủ nội quy, quy định về cán bộ, công chức, viên chức trong thực thi công vụ. Điều này cho thấy, bên cạnh việc trình độ dân trí của công dân ngày càng cao, việc tuân thủ quy chế cán bộ, công chức, viên chức cũng như thái độ và hành vi ứng xử đang có dấu hiệu lơi lỏng, chưa nghiêm trong quá trình tiếp nhận và giải quyết TTHC, gây ảnh hưởng đến sự hài lòng của người dân, doanh nghiệp.
        (Chi tiết tại Biểu số II.05b/VPCP/KSTT).
        6. Tình hình, kết quả giải quyết TTHC
        - Tổng số hồ sơ TTHC đã tiếp nhận trong năm 2020 là 535.312 hồ sơ. (Trong đó: trực tuyến: 41.698 hồ sơ; trực tiếp và qua dịch vụ bưu chính: 427.147 hồ sơ); số từ kỳ trước chuyển qua: 66.802 hồ sơ.
        - Số lượng hồ sơ đã giải quyết: 521.145 hồ sơ (đạt tỉ lệ 97%).Trong đó, giải quyết trước hạn: 74.177 hồ sơ, đúng hạn: 433.832 hồ sơ, quá hạn: 13.136 hồ sơ (chiếm tỉ lệ 2,4%).
        - Số lượng hồ sơ đang giải quyết: 14.502 hồ sơ; trong đó, trong hạn: 10.899 hồ sơ, quá hạn: 3.609 hồ sơ (chiếm tỉ lệ 0.7%).
        Cụ thể:
        + Cấp tỉnh: Tổng số hồ sơ mới tiếp nhận trong kỳ báo cáo là: 154.348 hồ sơ. (Trong đó: trực tuyến: 21.285 hồ sơ; trực tiếp và qua dịch vụ bưu chính: 131.757 hồ sơ); số từ kỳ trước chuyển qua: 1.306 hồ sơ; Số lượng hồ sơ đã giải quyết: 149.615 hồ sơ: trong đó, giải quyết trước hạn: 12.903 hồ sơ, đúng hạn: 135.774 hồ sơ, quá hạn: 938 hồ sơ (chiếm tỉ lệ 0,6%); Số lượng hồ sơ đang giải quyết: 4733 hồ sơ; trong đó, trong hạn: 4089 hồ sơ, quá hạn: 644 hồ sơ (chiếm tỉ lệ 0.4%).
        + Cấp huyện: Tổng số hồ sơ mới tiếp nhận trong kỳ báo cáo là: 94.030 hồ sơ. (Trong đó: trực tuyến: 18.103 hồ sơ; trực tiếp và qua dịch vụ bưu chính: 57.220 hồ sơ); số từ kỳ trước chuyển qua: 18.707 hồ sơ; Số lượng hồ sơ đã giải quyết: 86.700 hồ sơ: trong đó, giải quyết trước hạn: 23.321 hồ sơ, đúng hạn: 57.744 hồ sơ, quá hạn: 5.635 hồ sơ (chiếm tỉ lệ 5,9%); Số lượng hồ sơ đang giải quyết: 7.330 hồ sơ; trong đó, trong hạn: 5.078 hồ sơ, quá hạn: 2.252 hồ sơ (chiếm tỉ lệ 2,4%).
        + Cấp xã: Tổng số hồ sơ mới tiếp nhận trong kỳ báo cáo là: 287.269 hồ sơ. (Trong đó: trực tuyến: 2.310 hồ sơ; trực tiếp và qua dịch vụ bưu chính: 238.170 hồ sơ); số từ kỳ trước chuyển qua: 46.789 hồ sơ; Số lượng hồ sơ đã giải quyết: 284.830 hồ sơ: trong đó, giải quyết trước hạn: 37.953 hồ sơ, đúng hạn: 240.314 hồ sơ, quá hạn: 6.563 hồ sơ (chiếm tỉ lệ 2,3%); Số lượng hồ sơ đang giải quyết: 2.439 hồ sơ; trong đó, trong hạn: 1.732 hồ sơ, quá hạn: 713 hồ sơ (chiếm tỉ lệ 0,2%).
        - Nguyên nhân chủ yếu của việc chậm giải quyết hồ sơ TTHC được các sở, ban, ngành, địa phương xác định chủ yếu là do: một số hồ sơ cần phải xác minh cụ thể hoặc phải thành lập đoàn kiểm tra, thẩm định và do các nguyên nhân khách quan khác, kể cả từ phía người nộp hồ sơ...
        (Chi tiết tại Biểu số II.06c/VPCP/KSTT).
        7. Triển khai cơ chế một cửa, một cửa liên thông trong giải quyết TTHC
        a) Về tình hình công bố danh mục thủ tục hành chính tiếp nhận tại Bộ phận Một cửa; danh mục TTHC tiếp nhận trực tuyến trên Cổng Dịch vụ công cấp tỉnh.
        Để triển khai thực hiện có hiệu quả Nghị định số 61/2018/NĐ-CP của Chính phủ về thực hiện cơ chế một cửa, một cửa liên thông trong giải quyết TTHC, UBND tỉnh đã ban hành nhiều văn bản chỉ đạo, điều hành kịp thời việc thực hiện cơ chế một cửa, một cửa liên thông trong giải quyết TTHC theo Nghị định sồ 61/2018/NĐ-CP. Cụ thể:
        """;
}
