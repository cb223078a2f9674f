using System.Globalization;
using System.Text.Json.Nodes;

namespace Variations;

/// <summary>
/// Synthetic reports in the layout of the corpus samples (frame header, numbered sections, an II.06a table on its own
/// page), with other agencies, places and periods, and tables of 6-12 fields or 30-60 communes that run over pages.
/// Every figure adds up and the prose states the table's totals, so the truth is known exactly.
/// </summary>
public static class Synthetic
{
    sealed record Province(string Name, string[] Districts);

    static readonly Province[] Provinces =
    [
        new("Bình Định", ["Phù Mỹ", "Tuy Phước", "Hoài Nhơn"]),
        new("Quảng Nam", ["Duy Xuyên", "Thăng Bình", "Núi Thành"]),
        new("Nghệ An", ["Diễn Châu", "Yên Thành", "Nghi Lộc"]),
        new("Thái Bình", ["Kiến Xương", "Tiền Hải", "Vũ Thư"]),
        new("An Giang", ["Chợ Mới", "Thoại Sơn", "Tri Tôn"]),
        new("Bắc Giang", ["Lục Nam", "Yên Dũng", "Hiệp Hòa"]),
        new("Kiên Giang", ["Giồng Riềng", "Tân Hiệp", "Hòn Đất"]),
        new("Thanh Hóa", ["Hoằng Hóa", "Quảng Xương", "Thọ Xuân"]),
    ];

    static readonly (string Upper, string Lower, string Symbol, string[] Fields)[] Departments =
    [
        ("SỞ TƯ PHÁP", "Sở Tư pháp", "STP", ["Hộ tịch", "Quốc tịch", "Lý lịch tư pháp", "Công chứng", "Luật sư", "Đấu giá tài sản", "Hòa giải thương mại", "Trợ giúp pháp lý", "Giám định tư pháp", "Bồi thường nhà nước"]),
        ("SỞ XÂY DỰNG", "Sở Xây dựng", "SXD", ["Hoạt động xây dựng", "Quy hoạch xây dựng", "Nhà ở", "Kinh doanh bất động sản", "Vật liệu xây dựng", "Hạ tầng kỹ thuật", "Giám định tư pháp xây dựng"]),
        ("SỞ NỘI VỤ", "Sở Nội vụ", "SNV", ["Tổ chức hành chính", "Công chức, viên chức", "Thi đua, khen thưởng", "Tôn giáo", "Văn thư, lưu trữ", "Thanh niên", "Chính quyền địa phương", "Tổ chức phi chính phủ"]),
        ("SỞ CÔNG THƯƠNG", "Sở Công Thương", "SCT", ["Điện", "Hóa chất", "Lưu thông hàng hóa", "Xúc tiến thương mại", "An toàn thực phẩm", "Kinh doanh khí", "Vật liệu nổ công nghiệp", "Thương mại quốc tế", "Xăng dầu", "Công nghiệp địa phương", "Dịch vụ thương mại"]),
    ];

    static readonly string[] CommuneNames =
    [
        "An Bình", "An Hòa", "An Khánh", "An Lạc", "An Nhơn", "An Phú", "An Thạnh", "Bình An", "Bình Hòa", "Bình Minh", "Bình Thạnh",
        "Bình Trung", "Cát Hải", "Cát Tiến", "Đại Thắng", "Đông Hưng", "Đông Sơn", "Hòa Bình", "Hòa Lợi", "Hòa Thuận", "Hưng Đạo",
        "Hưng Long", "Hương Sơn", "Kim Sơn", "Long Điền", "Long Hòa", "Long Thạnh", "Minh Đức", "Minh Tân", "Mỹ Hòa", "Mỹ Lợi",
        "Nghĩa Hưng", "Ngọc Sơn", "Nhơn Hậu", "Phú Hòa", "Phú Lâm", "Phú Thạnh", "Phước Hưng", "Phước Lộc", "Quang Trung", "Quảng Phú",
        "Tam Hiệp", "Tân An", "Tân Hòa", "Tân Lập", "Tân Phú", "Tân Thành", "Thạnh Phú", "Thái Hòa", "Thành Công", "Thanh Sơn",
        "Thuận Hòa", "Tiên Phong", "Trung Hòa", "Trường Xuân", "Vĩnh Hòa", "Vĩnh Lợi", "Vĩnh Thạnh", "Xuân Lộc", "Xuân Sơn", "Yên Bình",
        "Yên Phú", "Hiệp Thạnh", "Đức Hòa", "Lộc Thuận",
    ];

    static readonly string[] FamilyNames = ["Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ"];
    static readonly string[] MiddleNames = ["Văn", "Thị", "Minh", "Hữu", "Thanh", "Quốc", "Ngọc"];
    static readonly string[] GivenNames = ["Hùng", "Lan", "Dũng", "Hạnh", "Tuấn", "Phương", "Sơn", "Thảo", "Long", "Nga", "Khánh", "Hải"];
    static readonly string[] Roman = ["I", "II", "III", "IV"];

    sealed record Period(string Kind, int Year, int? Quarter, int? Month, int? Half, DateOnly From, DateOnly To,
        string TitleText, string TableText, string NextText);

    static DateOnly D(int y, int m, int d) => new(y, m, d);

    // The reporting periods of Nghị định 09/2019: from the 15th of the month before to the 14th of the last month.
    static Period MakePeriod(Rng r)
    {
        var year = r.Int(2019, 2024);
        switch (r.Int(0, 3))
        {
            case 0:
            {
                var m = r.Int(1, 12);
                var from = m == 1 ? D(year - 1, 12, 15) : D(year, m - 1, 15);
                var next = m == 12 ? $"tháng 01 năm {year + 1}" : $"tháng {m + 1} năm {year}";
                return new("month", year, null, m, null, from, D(year, m, 14), $"tháng {m} năm {year}", $"Tháng {m}/{year}", next);
            }
            case 1:
            {
                var q = r.Int(1, 4);
                var from = q == 1 ? D(year - 1, 12, 15) : D(year, 3 * q - 3, 15);
                var next = q == 4 ? $"quý I năm {year + 1}" : $"quý {Roman[q]} năm {year}";
                return new("quarter", year, q, null, null, from, D(year, 3 * q, 14), $"quý {Roman[q - 1]} năm {year}", $"Quý {Roman[q - 1]} năm {year}", next);
            }
            case 2:
                return new("half", year, null, null, 1, D(year - 1, 12, 15), D(year, 6, 14), $"6 tháng đầu năm {year}", $"6 tháng đầu năm {year}", $"6 tháng cuối năm {year}");
            default:
                return new("year", year, null, null, null, D(year - 1, 12, 15), D(year, 12, 14), $"năm {year}", $"Năm {year}", $"năm {year + 1}");
        }
    }

    static JsonObject PeriodTruth(Period p, bool explicitRange) => new()
    {
        ["kind"] = p.Kind, ["year"] = p.Year, ["quarter"] = p.Quarter, ["month"] = p.Month, ["half"] = p.Half,
        ["from"] = p.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ["to"] = p.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["explicit"] = explicitRange,
    };

    static string Dmy(DateOnly d) => $"{d.Day}/{d.Month}/{d.Year}";

    /// <summary>"1.234" (dot thousands, the Vietnamese convention) or "-" for zero.</summary>
    static string N(long v, bool dash) => v == 0 && dash ? "-" : v.ToString("#,0", CultureInfo.InvariantCulture).Replace(',', '.');

    static string Pct(long part, long whole) => (Math.Round(100m * part / whole, 2)).ToString("0.00", CultureInfo.InvariantCulture).Replace('.', ',');
    static decimal PctValue(long part, long whole) => Math.Round(100m * part / whole, 2);

    static JsonObject P(string text, Action<JsonObject>? set = null)
    {
        var o = new JsonObject { ["p"] = text };
        set?.Invoke(o);
        return o;
    }

    public static JsonObject Spec(int seed, VariantPlan plan)
    {
        var r = new Rng((ulong)seed).Fork("synthetic");
        var prov = r.Pick(Provinces);
        var period = MakePeriod(r.Fork("period"));
        var district = r.Chance(0.55);
        string agencyUpper, agencyLower, symbol, place, parent;
        string[] agencyLines;
        List<string> rowLabels;
        string labelHeader;
        if (district)
        {
            var name = r.Pick(prov.Districts);
            agencyUpper = $"ỦY BAN NHÂN DÂN HUYỆN {name.ToUpperInvariant()}";
            agencyLower = $"UBND huyện {name}";
            agencyLines = ["ỦY BAN NHÂN DÂN", $"HUYỆN {name.ToUpperInvariant()}"];
            symbol = "BC-UBND";
            place = name;
            parent = "";
            // A commune list of 30-60 rows: it runs over two or three pages, header repeated.
            var n = r.Int(30, 60);
            var names = CommuneNames.OrderBy(_ => r.Next()).Take(n).ToList();
            rowLabels = names.Select((c, i) => i == 0 && r.Chance(0.5) ? $"Thị trấn {c}" : $"Xã {c}").ToList();
            labelHeader = "Đơn vị";
        }
        else
        {
            var dep = r.Pick(Departments);
            agencyUpper = dep.Upper;
            agencyLower = dep.Lower;
            agencyLines = [dep.Upper];
            symbol = "BC-" + dep.Symbol;
            place = prov.Name;
            parent = $"UBND TỈNH {prov.Name.ToUpperInvariant()}";
            rowLabels = dep.Fields.OrderBy(_ => r.Next()).Take(r.Int(6, dep.Fields.Length)).ToList();
            labelHeader = "Lĩnh vực giải quyết";
        }
        var number = r.Int(12, 2400);
        var date = period.To.AddDays(r.Int(0, 5) + 1);
        var signer = $"{r.Pick(FamilyNames)} {r.Pick(MiddleNames)} {r.Pick(GivenNames)}";
        var (authority, signerTitle, role) = district
            ? r.Pick(new[] { ("TM.", "CHỦ TỊCH", "TM. ỦY BAN NHÂN DÂN"), ("KT.", "PHÓ CHỦ TỊCH", "KT. CHỦ TỊCH") })
            : r.Pick(new[] { ("", "GIÁM ĐỐC", ""), ("KT.", "PHÓ GIÁM ĐỐC", "KT. GIÁM ĐỐC") });

        // The rows: every figure adds up (received = resolved + pending; each total of its parts).
        var rows = new List<long[]>();
        var big = r.Chance(0.5); // some reports count in thousands, so the grouping separator matters
        foreach (var _ in rowLabels)
        {
            var scale = district ? (big ? 400 : 90) : (big ? 2500 : 300);
            var online = r.Chance(0.15) ? 0 : r.Int(0, scale);
            var direct = r.Chance(0.1) ? 0 : r.Int(0, scale);
            var carried = r.Chance(0.3) ? 0 : r.Int(0, scale / 8);
            var received = online + direct + carried;
            var pending = received == 0 ? 0 : r.Int(0, Math.Max(0, received / 6));
            var resolved = received - pending;
            var late = r.Chance(0.6) ? 0 : r.Int(0, resolved / 20);
            var onTime = r.Int(0, (resolved - late) / 4);
            var early = resolved - late - onTime;
            var pendLate = r.Chance(0.7) ? 0 : r.Int(0, pending / 5);
            rows.Add([received, online, direct, carried, resolved, early, onTime, late, pending, pending - pendLate, pendLate]);
        }
        var tot = Enumerable.Range(0, 11).Select(k => rows.Sum(x => x[k])).ToArray();
        if (tot[4] == 0 || tot[1] + tot[2] == 0) { rows[0][1] += 5; rows[0][0] += 5; rows[0][4] += 5; rows[0][5] += 5; tot = Enumerable.Range(0, 11).Select(k => rows.Sum(x => x[k])).ToArray(); }
        var dash = r.Chance(0.7);
        var @new = tot[1] + tot[2];

        var body = new JsonArray();
        var left = new JsonArray();
        if (parent.Length > 0) left.Add(P(parent, o => o["size"] = 13));
        foreach (var line in agencyLines) left.Add(P(line, o => { o["b"] = true; o["size"] = 13; }));
        left.Add(P(""));
        left.Add(P($"Số: {number}/{symbol}", o => o["size"] = 13));
        var right = new JsonArray
        {
            P("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", o => { o["b"] = true; o["size"] = 12; }),
            P("Độc lập - Tự do - Hạnh phúc", o => { o["b"] = true; o["size"] = 13; }),
            P(""),
            P($"{place}, ngày {date.Day} tháng {date.Month} năm {date.Year}", o => { o["i"] = true; o["size"] = 14; }),
        };
        body.Add(new JsonObject { ["frame"] = new JsonObject { ["widths"] = new JsonArray(6.2, 9.8), ["cols"] = new JsonArray(left, right) } });
        var title = $"Kết quả thực hiện công tác kiểm soát thủ tục hành chính, triển khai cơ chế một cửa, một cửa liên thông {period.TitleText}";
        body.Add(P("BÁO CÁO", o => { o["align"] = "center"; o["b"] = true; o["before"] = 18; o["after"] = 0; }));
        body.Add(P(title, o => { o["align"] = "center"; o["b"] = true; o["after"] = 18; }));
        body.Add(P($"Thực hiện Thông tư số 01/2020/TT-VPCP ngày 21/10/2020 của Văn phòng Chính phủ và chỉ đạo của UBND tỉnh {prov.Name}, {agencyLower} báo cáo kết quả thực hiện công tác kiểm soát thủ tục hành chính (TTHC), triển khai cơ chế một cửa, một cửa liên thông {period.TitleText} như sau:"));
        body.Add(P("I. TÌNH HÌNH, KẾT QUẢ KIỂM SOÁT THỦ TỤC HÀNH CHÍNH", o => o["b"] = true));
        body.Add(P("1. Công bố, công khai TTHC, danh mục TTHC", o => o["b"] = true));
        body.Add(P($"- 100% TTHC thuộc thẩm quyền giải quyết của {agencyLower} được niêm yết công khai tại Bộ phận Một cửa và trên Cổng Dịch vụ công của tỉnh."));
        body.Add(P("2. Tình hình, kết quả giải quyết TTHC", o => o["b"] = true));
        body.Add(P($"- Tổng số hồ sơ TTHC đã tiếp nhận trong kỳ báo cáo, trong đó: số mới tiếp nhận trong kỳ: {N(@new, false)} hồ sơ (trực tuyến: {N(tot[1], false)} hồ sơ; trực tiếp: {N(tot[2], false)} hồ sơ); số từ kỳ trước chuyển qua: {N(tot[3], false)} hồ sơ."));
        body.Add(P($"- Số lượng hồ sơ đã giải quyết: {N(tot[4], false)} hồ sơ; trong đó, giải quyết trước hạn: {N(tot[5], false)} hồ sơ, đúng hạn: {N(tot[6], false)} hồ sơ, quá hạn: {N(tot[7], false)} hồ sơ (chiếm {Pct(tot[7], tot[4])}%)."));
        body.Add(P($"- Số lượng hồ sơ đang giải quyết: {N(tot[8], false)} hồ sơ; trong đó, trong hạn: {N(tot[9], false)} hồ sơ, quá hạn: {N(tot[10], false)} hồ sơ."));
        body.Add(P("(Chi tiết tại Biểu số II.06a/VPCP/KSTT đính kèm)", o => o["i"] = true));
        body.Add(P("II. PHƯƠNG HƯỚNG, NHIỆM VỤ " + period.NextText.ToUpperInvariant(), o => o["b"] = true));
        body.Add(P("- Tiếp tục rà soát, cập nhật, công khai đầy đủ TTHC thuộc thẩm quyền giải quyết; nâng cao chất lượng giải quyết hồ sơ, hạn chế tối đa hồ sơ quá hạn."));
        body.Add(P($"Trên đây là báo cáo kết quả thực hiện công tác kiểm soát TTHC {period.TitleText} của {agencyLower}./."));
        var recipients = district
            ? new[] { "Văn phòng UBND tỉnh", "TT Huyện ủy, TT HĐND huyện", "Lưu: VT" }
            : new[] { "Văn phòng UBND tỉnh", "Giám đốc Sở", "Lưu: VT, VP" };
        var signCol = new JsonArray();
        if (role.Length > 0) signCol.Add(P(role, o => { o["b"] = true; o["size"] = 14; }));
        signCol.Add(P(signerTitle, o => { o["b"] = true; o["size"] = 14; }));
        for (var i = 0; i < 4; i++) signCol.Add(P(""));
        signCol.Add(P(signer, o => { o["b"] = true; o["size"] = 14; }));
        var recCol = new JsonArray { P("Nơi nhận:", o => { o["b"] = true; o["i"] = true; o["size"] = 12; o["align"] = "left"; }) };
        for (var i = 0; i < recipients.Length; i++)
        {
            var text = recipients[i];
            recCol.Add(P($"- {text}{(i == recipients.Length - 1 ? "." : ";")}", o => { o["size"] = 11; o["align"] = "left"; }));
        }
        body.Add(new JsonObject { ["frame"] = new JsonObject { ["widths"] = new JsonArray(7.6, 8.4), ["cols"] = new JsonArray(recCol, signCol) } });

        if (plan.Style.Landscape) body.Add(new JsonObject { ["section"] = new JsonObject { ["orientation"] = "landscape" } });
        else body.Add(new JsonObject { ["pageBreak"] = true });
        var reportingUnit = district ? agencyLower : $"{agencyLower} tỉnh {prov.Name}";
        body.Add(P("Biểu số II.06a/VPCP/KSTT", o => { o["b"] = true; o["size"] = 12; o["align"] = "left"; o["indent"] = 0; o["after"] = 6; }));
        var tableTitle = $"TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH TẠI {(district ? agencyUpper.Replace("ỦY BAN NHÂN DÂN", "UBND") : $"{agencyUpper} TỈNH {prov.Name.ToUpperInvariant()}")}";
        body.Add(P(tableTitle, o => { o["b"] = true; o["align"] = "center"; o["size"] = 13; o["after"] = 6; }));
        body.Add(P($"Kỳ báo cáo: {period.TableText}", o => { o["align"] = "center"; o["size"] = 13; o["after"] = 0; }));
        body.Add(P($"(Từ ngày {Dmy(period.From)} đến ngày {Dmy(period.To)})", o => { o["align"] = "center"; o["size"] = 13; o["i"] = true; o["after"] = 0; }));
        body.Add(P($"- Đơn vị báo cáo: {reportingUnit}", o => { o["align"] = "left"; o["size"] = 13; o["indent"] = 0; o["after"] = 0; }));
        body.Add(P($"- Đơn vị nhận báo cáo: Văn phòng UBND tỉnh {prov.Name}", o => { o["align"] = "left"; o["size"] = 13; o["indent"] = 0; o["after"] = 0; }));
        body.Add(P("Đơn vị tính: Số hồ sơ TTHC.", o => { o["align"] = "right"; o["i"] = true; o["size"] = 12; o["after"] = 3; }));

        var tableRows = new JsonArray
        {
            new JsonArray("STT", labelHeader, new JsonObject { ["t"] = "Số lượng hồ sơ tiếp nhận", ["span"] = 4 }, new JsonObject { ["t"] = "Số lượng hồ sơ đã giải quyết", ["span"] = 4 }, new JsonObject { ["t"] = "Số lượng hồ sơ đang giải quyết", ["span"] = 3 }),
            new JsonArray("^", "^", "Tổng số", new JsonObject { ["t"] = "Trong kỳ", ["span"] = 2 }, "Từ kỳ trước", "Tổng số", "Trước hạn", "Đúng hạn", "Quá hạn", "Tổng số", "Trong hạn", "Quá hạn"),
            new JsonArray("^", "^", "^", "Trực tuyến", "Trực tiếp, dịch vụ bưu chính", "^", "^", "^", "^", "^", "^", "^", "^"),
            new JsonArray("(1)", "(2)", "(3)=(4)+(5)+(6)", "(4)", "(5)", "(6)", "(7)=(8)+(9)+(10)", "(8)", "(9)", "(10)", "(11)=(12)+(13)", "(12)", "(13)"),
        };
        for (var i = 0; i < rows.Count; i++)
        {
            var cells = new JsonArray((i + 1).ToString(CultureInfo.InvariantCulture), rowLabels[i]);
            foreach (var v in rows[i]) cells.Add(N(v, dash));
            tableRows.Add(cells);
        }
        var totalCells = new JsonArray("", "TỔNG CỘNG");
        foreach (var v in tot) totalCells.Add(N(v, dash));
        tableRows.Add(new JsonObject { ["cells"] = totalCells, ["b"] = true });
        var wide = plan.Style.Landscape;
        var numW = wide ? 1.6 : 1.05;
        var widths = new JsonArray(wide ? 1.2 : 0.9, wide ? 5.6 : 2.8);
        for (var i = 0; i < 11; i++) widths.Add(numW);
        body.Add(new JsonObject
        {
            ["table"] = new JsonObject
            {
                ["widths"] = widths, ["size"] = wide ? 11 : 9, ["header"] = 3, ["numberRow"] = true, ["repeat"] = true, ["rows"] = tableRows,
                ["truth"] = new JsonObject
                {
                    ["form"] = "II.06a", ["title"] = tableTitle, ["section"] = null, ["unit"] = "Số hồ sơ TTHC",
                    ["reportingUnit"] = reportingUnit, ["receivingUnit"] = $"Văn phòng UBND tỉnh {prov.Name}",
                    ["period"] = PeriodTruth(period, true),
                    ["keys"] = new JsonArray(null, null, "received.total", "received.online", "received.direct", "received.carried_over",
                        "resolved.total", "resolved.early", "resolved.on_time", "resolved.late", "pending.total", "pending.on_time", "pending.late"),
                },
            },
        });

        var figures = new JsonArray();
        void Fig(string key, decimal v) => figures.Add(new JsonObject { ["key"] = key, ["value"] = v, ["scope"] = null });
        Fig("received.new", @new); Fig("received.online", tot[1]); Fig("received.direct", tot[2]); Fig("received.carried_over", tot[3]);
        Fig("resolved.total", tot[4]); Fig("resolved.early", tot[5]); Fig("resolved.on_time", tot[6]); Fig("resolved.late", tot[7]);
        Fig("resolved.late.pct", PctValue(tot[7], tot[4]));
        Fig("pending.total", tot[8]); Fig("pending.on_time", tot[9]); Fig("pending.late", tot[10]);
        var header = new JsonObject
        {
            ["number"] = $"{number}/{symbol}", ["symbol"] = symbol, ["docType"] = "BC", ["agency"] = agencyUpper,
            ["parentAgency"] = parent.Length > 0 ? parent : null, ["province"] = prov.Name, ["place"] = place,
            ["date"] = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ["title"] = title,
            ["period"] = PeriodTruth(period, false),
            ["signer"] = new JsonObject { ["name"] = signer, ["title"] = signerTitle, ["authority"] = authority.Length > 0 ? authority : null },
            ["recipients"] = new JsonArray(recipients.Select(x => (JsonNode)JsonValue.Create(x.TrimEnd('.'))!).ToArray()),
            ["references"] = new JsonArray("01/2020/TT-VPCP"),
            ["forms"] = new JsonArray("II.06a"),
        };
        return new JsonObject
        {
            ["name"] = plan.Name, ["size"] = 14, ["tableSize"] = 11, ["body"] = body,
            ["truth"] = new JsonObject { ["header"] = header, ["figures"] = figures, ["checks"] = new JsonArray() },
        };
    }
}
