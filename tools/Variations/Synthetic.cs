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

        var shape = plan.Shape ?? new ReportShape(false, true, "000");
        var web = shape.WebPrintout;
        var body = new JsonArray();
        var reportingUnit = district ? agencyLower : $"{agencyLower} tỉnh {prov.Name}";
        var tableTitle = $"TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH TẠI {(district ? agencyUpper.Replace("ỦY BAN NHÂN DÂN", "UBND") : $"{agencyUpper} TỈNH {prov.Name.ToUpperInvariant()}")}";
        var title = $"Kết quả thực hiện công tác kiểm soát thủ tục hành chính, triển khai cơ chế một cửa, một cửa liên thông {period.TitleText}";
        var recipients = district
            ? new[] { "Văn phòng UBND tỉnh", "TT Huyện ủy, TT HĐND huyện", "Lưu: VT" }
            : new[] { "Văn phòng UBND tỉnh", "Giám đốc Sở", "Lưu: VT, VP" };
        var figures = new JsonArray();
        // The wording's own draws, apart from the report's, so that the report's figures and names stay as they were.
        var wording = new Rng((ulong)seed).Fork("wording");
        if (web) WebPrintoutTop(body, reportingUnit, prov.Name, tableTitle, period, wording.Chance(0.5));
        else
        {
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
            body.Add(P("BÁO CÁO", o => { o["align"] = "center"; o["b"] = true; o["before"] = 18; o["after"] = 0; }));
            body.Add(P(title, o => { o["align"] = "center"; o["b"] = true; o["after"] = 18; }));
            body.Add(P($"Thực hiện Thông tư số 01/2020/TT-VPCP ngày 21/10/2020 của Văn phòng Chính phủ và chỉ đạo của UBND tỉnh {prov.Name}, {agencyLower} báo cáo kết quả thực hiện công tác kiểm soát thủ tục hành chính (TTHC), triển khai cơ chế một cửa, một cửa liên thông {period.TitleText} như sau:"));
            var paragraphs = FigureParagraphs(shape.Prose, tot, agencyLower, period, figures);
            var published = $"- 100% TTHC thuộc thẩm quyền giải quyết của {agencyLower} được niêm yết công khai tại Bộ phận Một cửa và trên Cổng Dịch vụ công của tỉnh.";
            if (shape.NumberedHeadings)
            {
                body.Add(P("I. TÌNH HÌNH, KẾT QUẢ KIỂM SOÁT THỦ TỤC HÀNH CHÍNH", o => o["b"] = true));
                body.Add(P("1. Công bố, công khai TTHC, danh mục TTHC", o => o["b"] = true));
                body.Add(P(published));
                body.Add(P("2. Tình hình, kết quả giải quyết TTHC", o => o["b"] = true));
                foreach (var para in paragraphs) body.Add(P(para));
                body.Add(P("(Chi tiết tại Biểu số II.06a/VPCP/KSTT đính kèm)", o => o["i"] = true));
                body.Add(P("II. PHƯƠNG HƯỚNG, NHIỆM VỤ " + period.NextText.ToUpperInvariant(), o => o["b"] = true));
            }
            else
            {
                // A short report: the figure paragraphs right under the introduction, no heading anywhere.
                foreach (var para in paragraphs) body.Add(P(para));
                body.Add(P("(Chi tiết tại Biểu số II.06a/VPCP/KSTT đính kèm)", o => o["i"] = true));
                body.Add(P(published));
            }
            body.Add(P("- Tiếp tục rà soát, cập nhật, công khai đầy đủ TTHC thuộc thẩm quyền giải quyết; nâng cao chất lượng giải quyết hồ sơ, hạn chế tối đa hồ sơ quá hạn."));
            body.Add(P($"Trên đây là báo cáo kết quả thực hiện công tác kiểm soát TTHC {period.TitleText} của {agencyLower}./."));
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
            body.Add(P("Biểu số II.06a/VPCP/KSTT", o => { o["b"] = true; o["size"] = 12; o["align"] = "left"; o["indent"] = 0; o["after"] = 6; }));
            body.Add(P(tableTitle, o => { o["b"] = true; o["align"] = "center"; o["size"] = 13; o["after"] = 6; }));
            body.Add(P($"Kỳ báo cáo: {period.TableText}", o => { o["align"] = "center"; o["size"] = 13; o["after"] = 0; }));
            body.Add(P($"(Từ ngày {Dmy(period.From)} đến ngày {Dmy(period.To)})", o => { o["align"] = "center"; o["size"] = 13; o["i"] = true; o["after"] = 0; }));
            body.Add(P($"- Đơn vị báo cáo: {reportingUnit}", o => { o["align"] = "left"; o["size"] = 13; o["indent"] = 0; o["after"] = 0; }));
            body.Add(P($"- Đơn vị nhận báo cáo: Văn phòng UBND tỉnh {prov.Name}", o => { o["align"] = "left"; o["size"] = 13; o["indent"] = 0; o["after"] = 0; }));
        }
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
        var wide = plan.Style.Landscape || web;
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

        if (web)
        {
            // Signed by whoever printed it, under the place-date line; then the system's printed-by line.
            var signCol = new JsonArray
            {
                P($"{place}, ngày {date.Day} tháng {date.Month} năm {date.Year}", o => { o["i"] = true; o["size"] = 13; }),
                P("Người làm báo cáo", o => { o["b"] = true; o["size"] = 13; }),
                P(""), P(""), P(""),
                P(signer, o => { o["b"] = true; o["size"] = 13; }),
            };
            body.Add(new JsonObject { ["frame"] = new JsonObject { ["widths"] = new JsonArray(14.0, 11.0), ["cols"] = new JsonArray(new JsonArray(P("")), signCol) } });
            var printed = date.AddDays(wording.Int(0, 3));
            body.Add(P(string.Create(CultureInfo.InvariantCulture, $"In từ Hệ thống thông tin giải quyết thủ tục hành chính tỉnh {prov.Name} lúc {wording.Int(7, 16)}:{wording.Int(0, 59):00} ngày {printed.Day:00}/{printed.Month:00}/{printed.Year}, người in: {signer}"),
                o => { o["size"] = 9; o["i"] = true; o["align"] = "left"; o["indent"] = 0; o["before"] = 12; }));
            var webHeader = new JsonObject
            {
                // No number, no issuing block, no title: the unit line names the agency, the form's line the period.
                ["number"] = null, ["symbol"] = null, ["docType"] = null, ["agency"] = reportingUnit, ["parentAgency"] = null,
                ["province"] = prov.Name, ["place"] = place, ["date"] = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ["title"] = null,
                ["period"] = PeriodTruth(period, true),
                ["signer"] = new JsonObject { ["name"] = signer, ["title"] = "Người làm báo cáo", ["authority"] = null },
                ["recipients"] = new JsonArray(), ["references"] = new JsonArray(), ["forms"] = new JsonArray("II.06a"),
            };
            return new JsonObject
            {
                ["name"] = plan.Name, ["size"] = 13, ["tableSize"] = 11, ["landscape"] = true, ["body"] = body,
                ["truth"] = new JsonObject { ["header"] = webHeader, ["figures"] = figures, ["checks"] = new JsonArray() },
            };
        }
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

    /// <summary>
    /// The top of a web system's printout, in landscape: the form's code at the left, the reporting and receiving units
    /// at the right (no issuing block, no "Số:", no "BÁO CÁO"), the table's title and the form's period line, on one
    /// line or with its dates on the next.
    /// </summary>
    static void WebPrintoutTop(JsonArray body, string reportingUnit, string province, string tableTitle, Period period, bool rangeOnItsOwnLine)
    {
        var left = new JsonArray { P("Biểu số II.06a/VPCP/KSTT", o => { o["b"] = true; o["size"] = 12; o["align"] = "left"; }) };
        var right = new JsonArray
        {
            P($"- Đơn vị báo cáo: {reportingUnit}", o => { o["size"] = 12; o["align"] = "left"; }),
            P($"- Đơn vị nhận báo cáo: Văn phòng UBND tỉnh {province}", o => { o["size"] = 12; o["align"] = "left"; }),
        };
        body.Add(new JsonObject { ["frame"] = new JsonObject { ["widths"] = new JsonArray(13.0, 12.0), ["cols"] = new JsonArray(left, right) } });
        body.Add(P(tableTitle, o => { o["b"] = true; o["align"] = "center"; o["size"] = 13; o["before"] = 12; o["after"] = 6; }));
        var range = $"(Từ ngày {Dmy(period.From)} đến ngày {Dmy(period.To)})";
        if (rangeOnItsOwnLine)
        {
            body.Add(P($"Kỳ báo cáo: {period.TableText}", o => { o["align"] = "center"; o["size"] = 13; o["after"] = 0; }));
            body.Add(P(range, o => { o["align"] = "center"; o["size"] = 13; o["i"] = true; o["after"] = 6; }));
        }
        else body.Add(P($"Kỳ báo cáo: {period.TableText} {range}", o => { o["align"] = "center"; o["size"] = 13; o["after"] = 6; }));
    }

    /// <summary>
    /// The paragraphs stating the table's totals, worded as one of the seeds words them (their figures and the keys the
    /// record gives them go into <paramref name="figures"/>): 000 "- Tổng số hồ sơ TTHC đã tiếp nhận …, trong đó: số mới
    /// tiếp nhận trong kỳ: …"; 001 "Số mới tiếp nhận trong kỳ: 22.278 (6.717 trực tiếp, 15.561 trực tuyến, tỷ lệ …)";
    /// 002 "- … đã tiếp nhận 5.661 hồ sơ TTHC, trong đó: + Kỳ trước chuyển sang: …"; 004 "- Tổng số hồ sơ TTHC đã tiếp
    /// nhận trong năm 2020 là 535.312 hồ sơ. (Trong đó: …)".
    /// </summary>
    static List<string> FigureParagraphs(string shape, long[] tot, string agency, Period period, JsonArray figures)
    {
        void Fig(string key, decimal v) => figures.Add(new JsonObject { ["key"] = key, ["value"] = v, ["scope"] = null });
        string n(long v) => N(v, false);
        long received = tot[0], online = tot[1], direct = tot[2], carried = tot[3], resolved = tot[4], early = tot[5], onTime = tot[6],
            late = tot[7], pending = tot[8], pendingOnTime = tot[9], pendingLate = tot[10], @new = online + direct;
        switch (shape)
        {
            case "001":
                Fig("received.new", @new); Fig("received.direct", direct); Fig("received.online", online); Fig("received.online.pct", PctValue(online, @new));
                Fig("received.carried_over", carried);
                Fig("resolved.total", resolved); Fig("resolved.early", early); Fig("resolved.on_time", onTime); Fig("resolved.late", late);
                Fig("resolved.late.pct", PctValue(late, resolved));
                Fig("pending.total", pending); Fig("pending.on_time", pendingOnTime); Fig("pending.late", pendingLate);
                return
                [
                    $"- Tổng số hồ sơ TTHC đã tiếp nhận trong kỳ báo cáo, trong đó: Số mới tiếp nhận trong kỳ: {n(@new)} ({n(direct)} trực tiếp, {n(online)} trực tuyến, tỷ lệ {Pct(online, @new)}% so với tổng số hồ sơ tiếp nhận); số từ kỳ trước chuyển qua: {n(carried)}",
                    $"- Số lượng hồ sơ đã giải quyết: {n(resolved)}; trong đó, giải quyết trước hạn: {n(early)}, đúng hạn: {n(onTime)}, quá hạn: {n(late)} chiếm {Pct(late, resolved)}%.",
                    $"- Số lượng hồ sơ đang giải quyết: {n(pending)}; trong đó, trong hạn: {n(pendingOnTime)}, quá hạn: {n(pendingLate)}",
                ];
            case "002":
            {
                var agencyCap = char.ToUpperInvariant(agency[0]) + agency[1..];
                Fig("received.total", received); Fig("received.carried_over", carried); Fig("received.new", @new);
                Fig("resolved.total", resolved); Fig("resolved.total.pct", PctValue(resolved, received));
                Fig("resolved.early_or_on_time", early + onTime); Fig("resolved.early_or_on_time.pct", PctValue(early + onTime, resolved));
                Fig("resolved.late", late); Fig("resolved.late.pct", PctValue(late, resolved));
                Fig("pending.total", pending); Fig("pending.total.pct", PctValue(pending, received));
                var pendingText = $"+ Đang giải quyết {n(pending)} hồ sơ (chiếm {Pct(pending, received)} % trên tổng số {n(received)} hồ sơ)";
                if (pending > 0)
                {
                    Fig("pending.on_time", pendingOnTime); Fig("pending.on_time.pct", PctValue(pendingOnTime, pending));
                    Fig("pending.late", pendingLate); Fig("pending.late.pct", PctValue(pendingLate, pending));
                    pendingText += $"; trong đó, đang giải quyết còn hạn là {n(pendingOnTime)} hồ sơ (chiếm {Pct(pendingOnTime, pending)} %); đang giải quyết quá hạn là {n(pendingLate)} hồ sơ (chiếm {Pct(pendingLate, pending)} %)";
                }
                Fig("received.online", online); Fig("received.online.pct", PctValue(online, received));
                return
                [
                    $"- {agencyCap} đã tiếp nhận {n(received)} hồ sơ TTHC, trong đó:",
                    $"+ Kỳ trước chuyển sang: {n(carried)} hồ sơ, tiếp nhận mới: {n(@new)} hồ sơ;",
                    $"+ Đã giải quyết {n(resolved)} hồ sơ (chiếm {Pct(resolved, received)} % trên tổng số {n(received)} hồ sơ); trong đó, trả hồ sơ trước hạn và đúng hạn là {n(early + onTime)} hồ sơ, chiếm {Pct(early + onTime, resolved)} %; số hồ sơ đã giải quyết trễ hạn {n(late)} hồ sơ (chiếm {Pct(late, resolved)} %).",
                    pendingText + ".",
                    $"- Có {n(online)} hồ sơ tiếp nhận qua hình thức trực tuyến (chiếm {Pct(online, received)} % trên tổng số {n(received)} hồ sơ).",
                ];
            }
            case "004":
                Fig("received.total", received); Fig("received.online", online); Fig("received.direct", direct); Fig("received.carried_over", carried);
                Fig("resolved.total", resolved); Fig("resolved.total.pct", PctValue(resolved, received));
                Fig("resolved.early", early); Fig("resolved.on_time", onTime); Fig("resolved.late", late); Fig("resolved.late.pct", PctValue(late, resolved));
                Fig("pending.total", pending); Fig("pending.on_time", pendingOnTime); Fig("pending.late", pendingLate);
                return
                [
                    $"- Tổng số hồ sơ TTHC đã tiếp nhận trong {period.TitleText} là {n(received)} hồ sơ. (Trong đó: trực tuyến: {n(online)} hồ sơ; trực tiếp và qua dịch vụ bưu chính: {n(direct)} hồ sơ); số từ kỳ trước chuyển qua: {n(carried)} hồ sơ.",
                    $"- Số lượng hồ sơ đã giải quyết: {n(resolved)} hồ sơ (đạt tỉ lệ {Pct(resolved, received)}%). Trong đó, giải quyết trước hạn: {n(early)} hồ sơ, đúng hạn: {n(onTime)} hồ sơ, quá hạn: {n(late)} hồ sơ (chiếm tỉ lệ {Pct(late, resolved)}%).",
                    $"- Số lượng hồ sơ đang giải quyết: {n(pending)} hồ sơ; trong đó, trong hạn: {n(pendingOnTime)} hồ sơ, quá hạn: {n(pendingLate)} hồ sơ.",
                ];
            default:
                Fig("received.new", @new); Fig("received.online", online); Fig("received.direct", direct); Fig("received.carried_over", carried);
                Fig("resolved.total", resolved); Fig("resolved.early", early); Fig("resolved.on_time", onTime); Fig("resolved.late", late);
                Fig("resolved.late.pct", PctValue(late, resolved));
                Fig("pending.total", pending); Fig("pending.on_time", pendingOnTime); Fig("pending.late", pendingLate);
                return
                [
                    $"- Tổng số hồ sơ TTHC đã tiếp nhận trong kỳ báo cáo, trong đó: số mới tiếp nhận trong kỳ: {n(@new)} hồ sơ (trực tuyến: {n(online)} hồ sơ; trực tiếp: {n(direct)} hồ sơ); số từ kỳ trước chuyển qua: {n(carried)} hồ sơ.",
                    $"- Số lượng hồ sơ đã giải quyết: {n(resolved)} hồ sơ; trong đó, giải quyết trước hạn: {n(early)} hồ sơ, đúng hạn: {n(onTime)} hồ sơ, quá hạn: {n(late)} hồ sơ (chiếm {Pct(late, resolved)}%).",
                    $"- Số lượng hồ sơ đang giải quyết: {n(pending)} hồ sơ; trong đó, trong hạn: {n(pendingOnTime)} hồ sơ, quá hạn: {n(pendingLate)} hồ sơ.",
                ];
        }
    }
}
