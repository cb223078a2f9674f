using System.Globalization;
using Baocao.Documents;
using Baocao.Header;
using Baocao.Reports;

namespace Baocao.Tools.Synthetic;

/// <summary>
/// Realistic made-up report records for measuring and testing the index at scale: the 63 provinces, provincial
/// departments and district people's committees, monthly to yearly periods from 2019 to 2024, forms of both regimes,
/// and an II.06a table with one row per field (lĩnh vực) whose figures add up the way real ones do (received =
/// online + direct + carried over; resolved = early + on time + late). Deterministic for a seed.
/// </summary>
public sealed class SyntheticReports(int seed = 42)
{
    private readonly Random rnd = new(seed);

    /// <summary>Fields (lĩnh vực) by agency; the first agency is the district committee, which reports many fields.</summary>
    public static readonly (string Agency, string Symbol, string[] Fields)[] Agencies =
    [
        ("ỦY BAN NHÂN DÂN HUYỆN", "BC-UBND", ["Hộ tịch", "Chứng thực", "Đất đai", "Thành lập và hoạt động của hộ kinh doanh", "Bảo trợ xã hội", "Hoạt động xây dựng", "Môi trường", "Giáo dục và Đào tạo", "Văn hóa cơ sở", "Người có công"]),
        ("SỞ TƯ PHÁP", "BC-STP", ["Lý lịch tư pháp", "Hộ tịch", "Quốc tịch", "Chứng thực", "Luật sư", "Công chứng", "Trợ giúp pháp lý", "Nuôi con nuôi", "Đấu giá tài sản", "Giám định tư pháp"]),
        ("SỞ Y TẾ", "BC-SYT", ["Khám bệnh, chữa bệnh", "Dược phẩm", "Y tế dự phòng", "An toàn thực phẩm và dinh dưỡng", "Trang thiết bị và công trình y tế", "Giám định y khoa"]),
        ("SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG", "BC-STNMT", ["Đất đai", "Môi trường", "Tài nguyên nước", "Khoáng sản", "Đo đạc, bản đồ và thông tin địa lý", "Khí tượng thủy văn"]),
        ("SỞ THÔNG TIN VÀ TRUYỀN THÔNG", "BC-STTTT", ["Lĩnh vực báo chí", "Lĩnh vực xuất bản, in và phát hành", "Lĩnh vực bưu chính", "Lĩnh vực Phát thanh, Truyền hình và Thông tin điện tử", "Viễn thông và Internet"]),
        ("SỞ GIAO THÔNG VẬN TẢI", "BC-SGTVT", ["Đường bộ", "Đường thủy nội địa", "Đăng kiểm", "Cấp đổi giấy phép lái xe", "Vận tải"]),
        ("SỞ KẾ HOẠCH VÀ ĐẦU TƯ", "BC-SKHĐT", ["Thành lập và hoạt động của doanh nghiệp", "Đầu tư tại Việt Nam", "Thành lập và hoạt động của hợp tác xã", "Đấu thầu"]),
        ("SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI", "BC-SLĐTBXH", ["Người có công", "Bảo trợ xã hội", "Việc làm", "Giáo dục nghề nghiệp", "An toàn, vệ sinh lao động", "Lao động, tiền lương"]),
        ("SỞ XÂY DỰNG", "BC-SXD", ["Hoạt động xây dựng", "Quy hoạch xây dựng, kiến trúc", "Nhà ở", "Kinh doanh bất động sản", "Vật liệu xây dựng"]),
        ("SỞ NỘI VỤ", "BC-SNV", ["Tôn giáo Chính phủ", "Thi đua - khen thưởng", "Văn thư và lưu trữ", "Tổ chức phi chính phủ", "Công chức, viên chức"]),
    ];

    private static readonly string[] Districts = ["Châu Thành", "Trà Cú", "Cầu Ngang", "Phú Tân", "Tân Phú", "Long Hồ", "Cái Bè", "Mỹ Xuyên", "Phù Cát", "Đức Phổ", "Ninh Kiều", "Hòa Thành"];
    private static readonly string[] Roman = ["", "I", "II", "III", "IV"];

    private int serial;

    public IEnumerable<ReportRecord> Generate(int count)
    {
        for (var i = 0; i < count; i++) yield return Next();
    }

    public ReportRecord Next()
    {
        var n = ++serial;
        var province = Provinces.All[rnd.Next(Provinces.All.Count)];
        var (agencyBase, symbol, fields) = Agencies[rnd.Next(Agencies.Length)];
        var district = Districts[rnd.Next(Districts.Length)];
        var agency = agencyBase.StartsWith("ỦY BAN", StringComparison.Ordinal) ? $"{agencyBase} {district.ToUpperInvariant()}" : agencyBase;
        var parent = agencyBase.StartsWith("ỦY BAN", StringComparison.Ordinal) ? null : $"UBND TỈNH {province.ToUpperInvariant()}";
        var year = 2019 + rnd.Next(6);
        var (period, periodWords) = PeriodOf(year);
        var endMonth = period.To is { } to ? int.Parse(to[5..7], CultureInfo.InvariantCulture) : 12;
        var date = $"{(period.Kind == "year" ? year : int.Parse(period.To![..4], CultureInfo.InvariantCulture)):0000}-{endMonth:00}-{Math.Min(28, 15 + rnd.Next(12)):00}";
        var form06 = year >= 2021 ? "II.06a" : "06a";
        var forms = new List<string> { year >= 2021 ? "II.05a" : "05a", form06 };
        if (rnd.NextDouble() < 0.3) forms.Add(year >= 2021 ? "II.07b" : "07b");
        var number = rnd.NextDouble() < 0.15 ? null : $"{rnd.Next(1, 900)}/{symbol}";
        var header = new ReportHeader(number, symbol, "BC", agency, parent, province, district, date,
            $"Tình hình, kết quả thực hiện công tác kiểm soát thủ tục hành chính, cơ chế một cửa, một cửa liên thông {periodWords}",
            period, new Signer("Nguyễn Văn " + (char)('A' + rnd.Next(20)), rnd.NextDouble() < 0.5 ? "PHÓ GIÁM ĐỐC" : "GIÁM ĐỐC", rnd.NextDouble() < 0.5 ? "KT." : null),
            ["Như trên", "Lưu: VT"], ["01/2020/TT-VPCP", "61/2018/NĐ-CP"], forms);

        var tables = new List<ReportTable>();
        var figures = new List<Figure>();
        // One report in ten states its figures in the prose only.
        if (rnd.NextDouble() >= 0.1)
            tables.Add(Table06(form06, agency, period, fields));
        var total = tables.Count > 0 ? tables[0].Rows[^1].Values : Totals(fields.Length);
        var rn = (total["received.online"] ?? 0) + (total["received.direct"] ?? 0);
        var rl = total["resolved.late"] ?? 0;
        var rt = total["resolved.total"] ?? 0;
        figures.Add(new Figure("received.new", rn, $"Số mới tiếp nhận trong kỳ: {Vn(rn)} hồ sơ", 2, null));
        figures.Add(new Figure("resolved.total", rt, $"Số hồ sơ đã giải quyết: {Vn(rt)} hồ sơ", 2, null));
        figures.Add(new Figure("resolved.late", rl, $"quá hạn: {Vn(rl)} hồ sơ", 2, null));
        var ext = rnd.NextDouble() < 0.5 ? "pdf" : "docx";
        var sha = Convert.ToHexStringLower(BitConverter.GetBytes(rnd.NextInt64())) + n.ToString("x8", CultureInfo.InvariantCulture) + new string('0', 40);
        var source = new SourceInfo($"/archive/{Provinces.Key(province).Replace(' ', '-')}/{year}/{n:000000}-{symbol.ToLowerInvariant()}.{ext}", sha[..64], ext, 4 + rnd.Next(6), false);
        return new ReportRecord(source, header, tables, figures, [], []);
    }

    private (Period, string) PeriodOf(int year)
    {
        var x = rnd.NextDouble();
        if (x < 0.5)
        {
            var q = 1 + rnd.Next(4);
            var (from, to) = q switch
            {
                1 => ($"{year - 1}-12-15", $"{year}-03-14"), 2 => ($"{year}-03-15", $"{year}-06-14"),
                3 => ($"{year}-06-15", $"{year}-09-14"), _ => ($"{year}-09-15", $"{year}-12-14"),
            };
            return (new Period("quarter", year, q, null, null, from, to, false), $"quý {Roman[q]} năm {year}");
        }
        if (x < 0.7)
        {
            var m = 1 + rnd.Next(12);
            var prev = m == 1 ? $"{year - 1}-12-15" : $"{year}-{m - 1:00}-15";
            return (new Period("month", year, null, m, null, prev, $"{year}-{m:00}-14", false), $"tháng {m} năm {year}");
        }
        if (x < 0.8)
        {
            var h = 1 + rnd.Next(2);
            return (new Period("half", year, null, null, h, h == 1 ? $"{year - 1}-12-15" : $"{year}-06-15", h == 1 ? $"{year}-06-14" : $"{year}-12-14", false),
                h == 1 ? $"6 tháng đầu năm {year}" : $"6 tháng cuối năm {year}");
        }
        return (new Period("year", year, null, null, null, $"{year - 1}-12-15", $"{year}-12-14", false), $"năm {year}");
    }

    private static readonly string[] Keys =
    [
        "received.total", "received.online", "received.direct", "received.carried_over",
        "resolved.total", "resolved.early", "resolved.on_time", "resolved.late", "pending.total", "pending.on_time", "pending.late",
    ];

    private Dictionary<string, decimal?> Totals(int fieldCount)
    {
        var sum = Keys.ToDictionary(k => k, _ => (decimal?)0);
        for (var i = 0; i < fieldCount; i++)
            foreach (var (k, v) in RowValues()) sum[k] += v;
        return sum;
    }

    /// <summary>One field's figures: log-normal volumes, mostly online in later years, a few percent late.</summary>
    private Dictionary<string, decimal?> RowValues()
    {
        var fresh = (int)Math.Round(Math.Exp(3.2 + 1.4 * Gauss()));
        var online = (int)Math.Round(fresh * rnd.NextDouble() * 0.8);
        var direct = fresh - online;
        var carried = rnd.NextDouble() < 0.4 ? rnd.Next(0, 1 + fresh / 10) : 0;
        var received = fresh + carried;
        var pending = (int)Math.Round(received * rnd.NextDouble() * 0.15);
        var resolved = received - pending;
        var late = rnd.NextDouble() < 0.6 ? 0 : (int)Math.Round(resolved * rnd.NextDouble() * 0.06);
        var early = (int)Math.Round((resolved - late) * rnd.NextDouble());
        var onTime = resolved - late - early;
        var pendingLate = rnd.NextDouble() < 0.8 ? 0 : (int)Math.Round(pending * rnd.NextDouble() * 0.2);
        return new Dictionary<string, decimal?>
        {
            ["received.total"] = received, ["received.online"] = online, ["received.direct"] = direct, ["received.carried_over"] = carried,
            ["resolved.total"] = resolved, ["resolved.early"] = early, ["resolved.on_time"] = onTime, ["resolved.late"] = late,
            ["pending.total"] = pending, ["pending.on_time"] = pending - pendingLate, ["pending.late"] = pendingLate,
        };
    }

    private double Gauss() => Math.Sqrt(-2 * Math.Log(1 - rnd.NextDouble())) * Math.Cos(2 * Math.PI * rnd.NextDouble());

    private ReportTable Table06(string form, string agency, Period period, string[] fields)
    {
        var pick = fields.Where(_ => rnd.NextDouble() < 0.75).DefaultIfEmpty(fields[0]).ToList();
        var columns = new List<TableColumn>
        {
            new(0, "c1", null, "STT", 1, null, 1), new(1, "c2", null, "Lĩnh vực giải quyết", 2, null, 1),
        };
        for (var i = 0; i < Keys.Length; i++)
            columns.Add(new TableColumn(i + 2, $"c{i + 3}", Keys[i], Keys[i], i + 3, null, 1));
        var rows = new List<TableRow>();
        var sum = Keys.ToDictionary(k => k, _ => (decimal?)0);
        for (var i = 0; i < pick.Count; i++)
        {
            var v = RowValues();
            foreach (var k in Keys) sum[k] += v[k];
            rows.Add(Row(i, (i + 1).ToString(CultureInfo.InvariantCulture), pick[i], "item", v));
        }
        rows.Add(Row(pick.Count, "", "TỔNG CỘNG", "total", sum));
        return new ReportTable(0, form, $"TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH TẠI {agency}", null, 3, "Số hồ sơ TTHC", period,
            null, null, columns, rows, false);
    }

    private static TableRow Row(int index, string stt, string label, string kind, Dictionary<string, decimal?> v)
    {
        var cells = new List<TableCell> { new("c1", stt, stt.Length == 0 ? "blank" : "text", null, 3, null, index + 3, 0, []), new("c2", label, "text", null, 3, null, index + 3, 1, []) };
        for (var i = 0; i < Keys.Length; i++)
            cells.Add(new TableCell($"c{i + 3}", Vn(v[Keys[i]] ?? 0), "number", v[Keys[i]], 3, null, index + 3, i + 2, []));
        return new TableRow(index, stt, label, kind, new Dictionary<string, decimal?>(Keys.ToDictionary(k => k, k => v[k])), cells, 3);
    }

    /// <summary>A number as printed in Vietnamese: "." groups thousands.</summary>
    private static string Vn(decimal v) => v.ToString("#,0", CultureInfo.InvariantCulture).Replace(',', '.');
}
