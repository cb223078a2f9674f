using System.Text.RegularExpressions;
using Baocao.Documents;
using Baocao.Reports;
using Baocao.Text;

namespace Baocao.Header;

/// <summary>
/// Reads a report's header metadata (record-format.md, "header") from its blocks in reading order.
/// <para>
/// Works for both readers: DOCX gives one block per paragraph, with the borderless two-column header table flattened
/// (left cell, then right cell); PDF gives one block per printed line segment sorted top to bottom, so the two header
/// columns interleave. Nothing here depends on that order beyond "the agency lines come before the number": each item
/// is found by what it looks like (the "Số:" line, the "…, ngày … tháng … năm …" line, the motto), and the column a
/// line came from is used only to keep the right column out of the agency and the left column out of the signer.
/// </para>
/// </summary>
public static partial class HeaderParser
{
    public static ReportHeader Parse(IReadOnlyList<Block> blocks)
    {
        // Find the title anchor and the "Nơi nhận" block first on whole blocks, because tab-separated columns are only
        // taken apart inside the header (before the anchor) and the signature area (from "Nơi nhận").
        // The anchor is looked for near the top only, so that an annex's own "BÁO CÁO" is never taken for it.
        var anchorBlock = -1;
        var noiNhanBlock = int.MaxValue;
        var textSeen = 0;
        for (var i = 0; i < blocks.Count; i++)
        {
            if (blocks[i] is not TextBlock tb) continue;
            var clean = VietText.Clean(tb.Text);
            if (anchorBlock < 0 && textSeen++ < AnchorWindow && IsAnchor(clean, tb.Centered || tb.Bold)) anchorBlock = i;
            if (i > anchorBlock && noiNhanBlock == int.MaxValue && NoiNhanStart().IsMatch(clean)) noiNhanBlock = i;
        }
        var lines = Lines.Build(blocks, i => i <= anchorBlock || i >= noiNhanBlock);

        var anchor = anchorBlock >= 0 ? lines.FindIndex(l => l.Block == anchorBlock && IsAnchor(l.Text, l.Centered || l.Bold)) : -1;
        // "BÁO CÁO KẾT QUẢ …" printed as one heading line: the words after "BÁO CÁO" open the title.
        var inlineTitle = anchor >= 0 && !IsBaoCao(lines[anchor].Text) ? BaoCaoHeading().Replace(lines[anchor].Text, "") : null;
        var headerEnd = anchor >= 0 ? anchor : HeaderEndWithoutAnchor(lines, blocks);
        var header = MergeSplitFields(lines.Take(headerEnd).ToList());

        // Number.
        DocNumber? number = null;
        var numberAt = -1;
        for (var i = 0; i < header.Count && number is null; i++)
        {
            if (DocNumberParser.Parse(header[i].Text) is { } n)
            {
                number = n;
                numberAt = i;
            }
        }

        // Place and date: the first header line that has both, else the first with a date. A date inside a range
        // ("(Từ ngày 15/6/2022 đến ngày 14/9/2022)") is a period's bound, never the report's date (ParsePlaceDate).
        var placeDate = PlaceDateIn(header);
        // A report printed from a web system has no issuing block: its "Huyện X, ngày … tháng … năm …" line stands
        // above the signer instead. Only a line with a place and the administrative word date counts there.
        if (placeDate is null && anchor < 0)
            placeDate = PlaceDateIn(lines.Skip(headerEnd).Where(l => WordDateLine().IsMatch(l.Text)).ToList(), requirePlace: true);

        // Agencies: upper-case lines on the left (or full width) above the number, motto and decorations removed.
        var organs = Organs(header.Take(numberAt >= 0 ? numberAt : header.Count));
        var agency = organs.Count > 0 ? organs[^1] : null;
        var parent = organs.Count > 1 ? organs[^2] : null;
        // Without an issuing block, the "- Đơn vị báo cáo: …" line names the agency (web systems print it so). A page
        // with no "BÁO CÁO" title, no "Số:" and no national motto has no issuing block at all: whatever upper-case line
        // stands at its top (the table's title, the form's code misread on a scan: "SẠP TÌNH HÌNH, KẾT QUẢ …") is not
        // an agency, and the unit line is the stronger evidence.
        var issuingBlock = anchor >= 0 || numberAt >= 0 || header.Any(l => Motto().IsMatch(l.Text));
        if ((agency is null || !issuingBlock) && ReportingUnit(lines) is { } unit)
        {
            agency = unit;
            parent = null;
            organs = [];
        }

        // Title.
        var (title, titleEnd) = anchor >= 0 ? ReadTitle(lines, blocks, anchor, inlineTitle) : (null, headerEnd);
        var bodyStart = titleEnd;
        while (bodyStart < lines.Count && KinhGui().IsMatch(lines[bodyStart].Text)) bodyStart++;
        // "Kính gửi:" may be followed by its addressee on the next line(s) when centred; skip those too.
        if (bodyStart > titleEnd)
            while (bodyStart < lines.Count && lines[bodyStart].Centered && lines[bodyStart - 1].Centered) bodyStart++;

        // Period: from the title; a range stated with the same period words at the start of the body completes it.
        var defaultYear = placeDate?.Date.Year;
        var period = title is null ? null : PeriodParser.Parse(title, null, defaultYear);
        if (period is not { Explicit: true } && title is not null)
        {
            var stated = PeriodParser.ParseStatedRange(OpeningText(lines, bodyStart), defaultYear);
            if (stated is not null && (period is null || SameWords(period, stated))) period = stated;
        }

        // Province: agency, its parents, the place, then the body.
        string? province = null;
        for (var i = organs.Count - 1; i >= 0 && province is null; i--) province = Provinces.FindAfterPrefix(organs[i]);
        if (organs.Count == 0 && agency is not null) province = Provinces.FindAfterPrefix(agency);
        province ??= Provinces.Lookup(placeDate?.Place);
        if (province is null)
        {
            foreach (var text in Lines.Flow(lines.Skip(headerEnd).ToList(), blocks))
                if ((province = Provinces.FindAfterPrefix(text)) is not null) break;
        }

        var (signer, recipients) = SignatureParser.Parse(lines, blocks, bodyStart, formOnly: anchor < 0);

        var flow = Lines.Flow(lines, blocks);
        var references = Citations.FindReferences(flow, number?.Number);
        var forms = Citations.FindForms(flow);

        return new ReportHeader(
            number?.Number, number?.Symbol, number?.DocType, agency, parent, province, placeDate?.Place,
            placeDate?.Date.ToIso(), title, period, signer, recipients, references, forms);
    }

    /// <summary>The first line with a place and a date, else (unless a place is required) the first line that is itself a date.</summary>
    private static PlaceDate? PlaceDateIn(IReadOnlyList<Line> lines, bool requirePlace = false)
    {
        PlaceDate? dateOnly = null;
        foreach (var line in lines)
        {
            if (DateParser.ParsePlaceDate(line.Text) is not { } pd) continue;
            if (pd.Place is not null) return pd;
            // Without a place, only a line that is itself a date counts, not a sentence citing another document's date.
            if (!requirePlace && StartsWithNgay().IsMatch(line.Text)) dateOnly ??= pd;
        }
        return dateOnly;
    }

    /// <summary>The value of the first "Đơn vị báo cáo:" line ("- Đơn vị báo cáo: UBND huyện Châu Thành"), else null.</summary>
    private static string? ReportingUnit(IReadOnlyList<Line> lines)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            var m = ReportingUnitLine().Match(lines[i].Text);
            if (!m.Success) continue;
            var value = VietText.Clean(m.Groups["v"].Value).TrimEnd('.', ';', ',', ' ');
            // The value may sit on the next line of the same column when the label ends its own.
            if (value.Length == 0 && i + 1 < lines.Count && lines[i + 1].Side == lines[i].Side && !lines[i + 1].Text.Contains(':'))
                value = VietText.Clean(lines[i + 1].Text).TrimEnd('.', ';', ',', ' ');
            if (value.Any(char.IsLetter)) return value;
        }
        return null;
    }

    /// <summary>The title anchor: "BÁO CÁO" alone, or an emphasised upper-case heading that starts with it.</summary>
    private static bool IsAnchor(string text, bool emphasised) => IsBaoCao(text) || (emphasised && BaoCaoHeading().IsMatch(text));

    /// <summary>"BÁO CÁO" alone on its line, whatever the spacing ("B Á O  C Á O").</summary>
    internal static bool IsBaoCao(string text) =>
        string.Concat(text.Where(c => !char.IsWhiteSpace(c))).ToUpperInvariant() == "BÁOCÁO";

    /// <summary>
    /// Without a "BÁO CÁO" line the header is taken to end at the first "Kính gửi", table, or body-like line (a long
    /// paragraph, or a full-width PDF line of running text, not upper case), and at most 15 lines in.
    /// </summary>
    private static int HeaderEndWithoutAnchor(IReadOnlyList<Line> lines, IReadOnlyList<Block> blocks)
    {
        for (var i = 0; i < Math.Min(lines.Count, 15); i++)
        {
            var line = lines[i];
            var t = line.Text;
            if (KinhGui().IsMatch(t)) return i;
            if (i > 0 && Lines.TableBetween(blocks, lines[i - 1].Block, line.Block)) return i;
            if (VietText.IsUpperText(t) || line.Side != Side.Full || line.Centered) continue;
            if (t.Length > 100 || (line.HasBox && t.Length > 60) || BodyOpening().IsMatch(t)) return i;
        }
        return Math.Min(lines.Count, 15);
    }

    /// <summary>
    /// Rejoins header fields that a PDF reader split at a wide gap: "Số:" and "/BC-STTTT" (the blank left for the number),
    /// "Trà Vinh, ngày" and "tháng 6 năm 2021" (the blank left for the day).
    /// </summary>
    private static List<Line> MergeSplitFields(List<Line> header)
    {
        var result = new List<Line>();
        for (var i = 0; i < header.Count; i++)
        {
            var line = header[i];
            // The other half is the next line of the same column; in PDF the other column's line may sit between.
            var j = i + 1;
            // A PDF half that straddles the page centre is classed Full: it still pairs with either column.
            static bool SameColumn(Side a, Side b) => a == b || a == Side.Full || b == Side.Full;
            while (j < header.Count && j <= i + 2 && !SameColumn(header[j].Side, line.Side)) j++;
            if (j < header.Count && SameColumn(header[j].Side, line.Side) &&
                ((SoOnly().IsMatch(line.Text) && NumberRest().IsMatch(header[j].Text)) ||
                 (EndsWithNgay().IsMatch(line.Text) && StartsWithThang().IsMatch(header[j].Text)) ||
                 (EndsWithThang().IsMatch(line.Text) && StartsWithNam().IsMatch(header[j].Text))))
            {
                // Merge, then look again: a blank day and a blank month leave three pieces ("…, ngày" "tháng" "năm 2022").
                header[i] = line with { Text = line.Text + " " + header[j].Text };
                header.RemoveAt(j);
                i--;
                continue;
            }
            result.Add(line);
        }
        return result;
    }

    /// <summary>
    /// Groups agency lines into organs. A line that starts a new organ ("UBND …", "SỞ …", "TRUNG TÂM …") opens one;
    /// any other line continues the one above, because long names wrap ("ỦY BAN NHÂN DÂN" + "HUYỆN TRÀ CÚ").
    /// </summary>
    internal static List<string> Organs(IEnumerable<Line> lines)
    {
        var organs = new List<string>();
        foreach (var line in lines)
        {
            if (line.Side == Side.Right) continue;
            var text = CutMotto(line.Text);
            if (text.Length == 0 || !text.Any(char.IsLetter) || !VietText.IsUpperText(text)) continue;
            if (Marking().IsMatch(text) || IsBaoCao(text) || DocNumberParser.Parse(text) is not null) continue;
            // A table's or form's title ("TỔNG HỢP KẾT QUẢ GIẢI QUYẾT HỒ SƠ …") names what is counted, not who reports:
            // no agency's name holds these words. A report without an issuing block would otherwise take it.
            // Only as the first line: a wrapped agency name may go on with such words ("VÀ TRẢ KẾT QUẢ").
            if (organs.Count == 0 && !StartsOrgan(text) && TitleWords().IsMatch(text)) continue;
            if (DateParser.ParseDate(text) is not null) continue;
            if (organs.Count == 0 || StartsOrgan(text)) organs.Add(text);
            else organs[^1] = organs[^1] + " " + text;
        }
        return organs;
    }

    /// <summary>The part of a line before the national motto, when a plain-paragraph header typed both on one line.</summary>
    private static string CutMotto(string text)
    {
        var m = Motto().Match(text);
        return m.Success ? text[..m.Index].Trim() : text;
    }

    private static readonly string[] OrganStarts =
    [
        "UBND", "ỦY BAN", "UỶ BAN", "HĐND", "HỘI ĐỒNG", "SỞ", "PHÒNG", "TRUNG TÂM", "BAN", "VĂN PHÒNG", "CHI CỤC", "CỤC",
        "TỔNG CỤC", "BỘ", "BẢO HIỂM", "CÔNG AN", "THANH TRA", "KHO BẠC", "VIỆN", "BỆNH VIỆN", "TRƯỜNG", "ĐẢNG ỦY",
        "ĐẢNG UỶ", "CHI NHÁNH", "ĐÀI", "BƯU ĐIỆN", "CÔNG TY", "TỔNG CÔNG TY", "ĐOÀN", "LIÊN ĐOÀN", "MẶT TRẬN", "TÒA ÁN",
        "TOÀ ÁN", "HẠT", "ĐỘI", "BỘ PHẬN", "TỔ", "QUỸ",
    ];

    private static bool StartsOrgan(string text)
    {
        var upper = text.ToUpperInvariant();
        foreach (var start in OrganStarts)
            if (upper == start || upper.StartsWith(start + " ", StringComparison.Ordinal)) return true;
        return false;
    }

    /// <summary>
    /// The trích yếu: lines after "BÁO CÁO" up to "Kính gửi", a table, or the first line that is not part of it. When
    /// the "BÁO CÁO" line is marked centred, the title is the run of centred lines (DOCX: usually one paragraph; PDF:
    /// one to three lines); when it is not, a DOCX title is the next paragraph and a PDF title runs until a line that
    /// opens the body ("Thực hiện …", "Căn cứ …", a numbered heading), at most three lines. The second reading is also
    /// used when "BÁO CÁO" is centred but the line after it is not.
    /// </summary>
    private static (string? Title, int End) ReadTitle(IReadOnlyList<Line> lines, IReadOnlyList<Block> blocks, int anchor, string? inlineTitle)
    {
        var useCentered = lines[anchor].Centered;
        var parts = new List<string>();
        if (!string.IsNullOrEmpty(inlineTitle)) parts.Add(inlineTitle);
        var i = anchor + 1;
        for (; i < lines.Count; i++)
        {
            var line = lines[i];
            if (KinhGui().IsMatch(line.Text) || Lines.TableBetween(blocks, lines[i - 1].Block, line.Block)) break;
            if (!line.Text.Any(char.IsLetterOrDigit))                             // a rule drawn under the title
            {
                if (parts.Count == 0) continue;
                i++;
                break;
            }
            // A centred "BÁO CÁO" over a title the reader did not mark centred: read it as if alignment were unknown.
            if (useCentered && parts.Count == 0 && !line.Centered) useCentered = false;
            if (useCentered ? !line.Centered : parts.Count > 0 && (!line.HasBox || BodyOpening().IsMatch(line.Text))) break;
            if (!useCentered && parts.Count == 0 && BodyOpening().IsMatch(line.Text)) break;
            parts.Add(line.Text);
            if (parts.Count >= (useCentered ? 4 : 3)) { i++; break; }
        }
        var title = parts.Count > 0 ? VietText.Clean(string.Join(' ', parts)) : null;
        return (title, i);
    }

    /// <summary>The opening of the body: the first paragraphs (DOCX) or lines (PDF) before the first numbered heading.</summary>
    private static string OpeningText(IReadOnlyList<Line> lines, int bodyStart)
    {
        var parts = new List<string>();
        var paragraphs = 0;
        for (var i = bodyStart; i < lines.Count && parts.Count < 12 && paragraphs < 3; i++)
        {
            if (i > bodyStart && Heading().IsMatch(lines[i].Text)) break;
            parts.Add(lines[i].Text);
            if (!lines[i].HasBox) paragraphs++;
        }
        return string.Join(' ', parts);
    }

    private static bool SameWords(Period a, Period b) =>
        a.Kind == b.Kind && a.Year == b.Year && a.Quarter == b.Quarter && a.Month == b.Month && a.Half == b.Half;

    /// <summary>How many text blocks from the top the "BÁO CÁO" line may be: the header never runs longer.</summary>
    private const int AnchorWindow = 60;

    [GeneratedRegex(@"(?<!TRẢ\s)\b(?:KẾT QUẢ|TÌNH HÌNH|TỔNG HỢP|THỐNG KÊ|DANH SÁCH|SỐ LIỆU)\b|^(?:BẢNG|BIỂU|PHỤ LỤC)\b", RegexOptions.CultureInvariant)]
    private static partial Regex TitleWords();

    [GeneratedRegex(@"^[-–+•\s]*Đơn\s*vị\s*báo\s*cáo\s*:(?<v>.*)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ReportingUnitLine();

    // "Châu Thành, ngày 20 tháng 9 năm 2022": a place, a comma, the administrative word date.
    [GeneratedRegex(@"\p{L},\s*ngày\b.*tháng.*năm\s*[0-9]{4}", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WordDateLine();

    [GeneratedRegex(@"^Nơi\s*nhận", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NoiNhanStart();

    [GeneratedRegex(@"^B\s*Á\s*O\s+C\s*Á\s*O\s+(?=\p{Lu}{2})")]
    private static partial Regex BaoCaoHeading();

    [GeneratedRegex(@"^Kính\s*gửi", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex KinhGui();

    [GeneratedRegex(@"C[ộo]ng\s*h[òoó]a\s*x[ãa]\s*h[ộo]i|Độc\s*lập\s*[-–—]?\s*Tự\s*do", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Motto();

    // Security and urgency marks and draft labels printed near the header: not part of an agency name.
    [GeneratedRegex(@"^(?:DỰ THẢO|MẬT|TỐI MẬT|TUYỆT MẬT|KHẨN|THƯỢNG KHẨN|HỎA TỐC|HOẢ TỐC)$")]
    private static partial Regex Marking();

    [GeneratedRegex(@"^Số\s*[:.]?[\s._…]*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SoOnly();

    [GeneratedRegex(@"^[0-9]{0,6}[\s._…]*/\s*\p{L}")]
    private static partial Regex NumberRest();

    [GeneratedRegex(@"ngày" + DateParser.Blank + "*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex EndsWithNgay();

    [GeneratedRegex(@"ngày.*tháng" + DateParser.Blank + "*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex EndsWithThang();

    [GeneratedRegex(@"^[0-9]{0,2}[\s._…]*năm\s*[0-9]{4}", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex StartsWithNam();

    [GeneratedRegex(@"^ngày", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex StartsWithNgay();

    [GeneratedRegex(@"^[0-9]{0,2}[\s._…]*tháng", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex StartsWithThang();

    [GeneratedRegex(@"^(?:Kính gửi|Thực hiện|Căn cứ|Theo|Trên cơ sở|Nhằm|Để|Ngày|Qua|Trong)\b|^(?:[IVX]+|[0-9]+)\s*[.)]\s|^[-+•]")]
    private static partial Regex BodyOpening();

    [GeneratedRegex(@"^(?:[IVX]+|[0-9]+)\s*[.)]\s")]
    private static partial Regex Heading();
}
