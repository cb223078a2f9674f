using System.Text.RegularExpressions;
using Baocao.Documents;
using Baocao.Reports;
using Baocao.Text;

namespace Baocao.Header;

/// <summary>
/// Reads the closing block of a report: the recipients under "Nơi nhận:" (bottom left) and the signer (bottom right:
/// optional authority prefix, title, name).
/// <para>
/// DOCX gives the signature table flattened (the left cell's paragraphs, then the right cell's); PDF gives printed
/// lines top to bottom, so the two columns interleave ("- VP UBND tỉnh (b/c);", "GIÁM ĐỐC", "- BGĐ Sở;"). Lines are
/// therefore sorted by role, not by position: recipient lines start with a dash (or sit in the left column), signer
/// lines are the rest.
/// </para>
/// </summary>
internal static partial class SignatureParser
{
    /// <param name="formOnly">the document has no "BÁO CÁO" title: a form printed alone (a web system's printout), whose
    /// signer stands under its table</param>
    public static (Signer? Signer, IReadOnlyList<string> Recipients) Parse(IReadOnlyList<Line> lines, IReadOnlyList<Block> blocks, int bodyStart, bool formOnly = false)
    {
        var nn = FindNoiNhan(lines, blocks, bodyStart);
        return nn >= 0 ? WithRecipients(lines, blocks, nn, bodyStart) : (WithoutRecipients(lines, blocks, bodyStart, formOnly), []);
    }

    private static int FindNoiNhan(IReadOnlyList<Line> lines, IReadOnlyList<Block> blocks, int bodyStart)
    {
        for (var i = bodyStart; i < lines.Count; i++)
            if (NoiNhan().IsMatch(lines[i].Text)) return i;
        // OCR misreads the bold italic "Nơi" ("Mạinhận:"): a short word and "nhận:" alone on a left-column line, level
        // with the signer's authority line ("KT. CHỦ TỊCH") in the right column, is the same heading.
        BBox? Box(int i) => blocks[lines[i].Block] is TextBlock { Box: { } b } ? b : null;
        for (var i = bodyStart; i < lines.Count; i++)
        {
            if (lines[i].Side != Side.Left || !GarbledNoiNhan().IsMatch(VietText.Fold(lines[i].Text)) || Box(i) is not { } here) continue;
            for (var j = Math.Max(bodyStart, i - 3); j < Math.Min(lines.Count, i + 4); j++)
                if (j != i && lines[j].Side == Side.Right && lines[j].Page == lines[i].Page && Authority().IsMatch(lines[j].Text)
                    && Box(j) is { } there && Math.Abs(there.Y0 - here.Y0) <= Math.Max(here.Height, there.Height))
                    return i;
        }
        return -1;
    }

    private static (Signer?, IReadOnlyList<string>) WithRecipients(IReadOnlyList<Line> lines, IReadOnlyList<Block> blocks, int nn, int bodyStart)
    {
        var candidates = new List<Line>();
        // A PDF reader sorting by the top of each line may put the signer's first line ("KT. CHỦ TỊCH", printed level
        // with "Nơi nhận:" but a point higher) just before it: take right-column lines directly above on the same page.
        for (var k = nn - 1; k >= Math.Max(bodyStart, nn - 3); k--)
        {
            if (lines[k].Side != Side.Right || lines[k].Page != lines[nn].Page) break;
            candidates.Insert(0, lines[k]);
        }

        var recipients = new List<string>();
        var rest = NoiNhan().IsMatch(lines[nn].Text) ? NoiNhan().Replace(lines[nn].Text, "").Trim() : "";
        if (Dash().IsMatch(rest)) recipients.Add(StripRecipient(rest));
        else if (rest.Length > 0) candidates.Add(lines[nn] with { Text = rest });   // "Nơi nhận: KT. CHỦ TỊCH" run together

        var nameFound = false;
        for (var k = nn + 1; k < lines.Count && k - nn <= 40; k++)
        {
            var line = lines[k];
            if (Lines.TableBetween(blocks, lines[k - 1].Block, line.Block) || IsCaption(line.Text)) break;
            // After the name, a full-width or centred line is the next part of the document (an annex title), not the signature.
            if (nameFound && line.Side == Side.Full && !Dash().IsMatch(line.Text)) break;

            if (Dash().IsMatch(line.Text) && line.Side != Side.Right)
            {
                recipients.Add(StripRecipient(line.Text));
                continue;
            }
            if (line.Side == Side.Left)
            {
                // A DOCX paragraph is one recipient; a PDF line in the left column that does not start a new item
                // is the wrapped end of the one above ("- Chủ tịch, các PCT. UBND tỉnh" + "(để b/c);").
                if (line.HasBox && recipients.Count > 0) recipients[^1] = StripRecipient(recipients[^1] + " " + line.Text);
                else recipients.Add(StripRecipient(line.Text));
                continue;
            }
            if (line.Side == Side.Full && line.HasBox && recipients.Count > 0 && !nameFound && Continuation().IsMatch(line.Text))
            {
                recipients[^1] = StripRecipient(recipients[^1] + " " + line.Text);
                continue;
            }
            candidates.Add(line);
            if (IsName(line.Text)) nameFound = true;
        }
        return (FromLines(candidates, requireTitle: false), recipients);
    }

    /// <summary>
    /// No "Nơi nhận": the signer block closes the main body, before the first attached form, annex or table. Only a
    /// name directly under an upper-case title (or authority) line is taken, so a by-line or a closing sentence is not
    /// mistaken for a signer.
    /// </summary>
    private static Signer? WithoutRecipients(IReadOnlyList<Line> lines, IReadOnlyList<Block> blocks, int bodyStart, bool formOnly)
    {
        var end = lines.Count;
        for (var i = bodyStart; i < lines.Count; i++)
        {
            if (IsCaption(lines[i].Text) || (i > bodyStart && Lines.TableBetween(blocks, lines[i - 1].Block, lines[i].Block)))
            {
                end = i;
                break;
            }
        }
        var from = Math.Max(bodyStart, end - 12);
        for (var j = end - 1; j >= from; j--)
        {
            if (!IsName(lines[j].Text)) continue;
            var block = new List<Line> { lines[j] };
            for (var k = j - 1; k >= from; k--)
            {
                var t = lines[k].Text;
                if (IsAside(t)) continue;
                if (Authority().IsMatch(t) || IsTitleLine(t)) block.Insert(0, lines[k]);
                else break;
            }
            if (block.Count > 1) return FromLines(block, requireTitle: true);
        }
        // A title with no name under it (the name left for signing): the last upper-case title lines of the body.
        var titles = new List<Line>();
        for (var k = end - 1; k >= from; k--)
        {
            var t = lines[k].Text;
            if (IsAside(t)) continue;
            if ((Authority().IsMatch(t) || IsTitleLine(t)) && (Authority().IsMatch(t) || HasTitleWord(t))) titles.Insert(0, lines[k]);
            else break;
        }
        if (titles.Count > 0) return FromLines(titles, requireTitle: true);
        return formOnly ? AfterTheLastTable(lines, blocks, bodyStart) : null;
    }

    /// <summary>
    /// A web system's printout is the form alone: the table, then its signer ("Người làm báo cáo" or "Người lập biểu",
    /// printed in sentence case, or "THỦ TRƯỞNG ĐƠN VỊ") with the name under it. Looked for only after the last table,
    /// only in a document without a "BÁO CÁO" title and whose body held no signer, so that the "NGƯỜI LẬP BIỂU" of a
    /// form annexed to a report never stands for the report's signer.
    /// </summary>
    private static Signer? AfterTheLastTable(IReadOnlyList<Line> lines, IReadOnlyList<Block> blocks, int bodyStart)
    {
        var lastTable = -1;
        for (var b = blocks.Count - 1; b >= 0 && lastTable < 0; b--)
            if (blocks[b] is TableBlock) lastTable = b;
        if (lastTable < 0) return null;
        for (var i = Math.Max(bodyStart, 0); i < lines.Count; i++)
        {
            if (lines[i].Block < lastTable || !PreparerRole().IsMatch(lines[i].Text)) continue;
            // The name is the next line that is one, past the blank lines left for the signature and any "(Đã ký)".
            for (var k = i + 1; k < Math.Min(lines.Count, i + 5); k++)
            {
                if (IsAside(lines[k].Text)) continue;
                if (IsName(lines[k].Text)) return new Signer(lines[k].Text, lines[i].Text, null);
                if (!lines[k].Text.Any(char.IsLetter)) continue;
                break;
            }
            return new Signer(null, lines[i].Text, null);
        }
        return null;
    }

    /// <summary>
    /// Reads candidate signer lines in order: an authority line ("KT. CHỦ TỊCH") sets the authority (the one nearest the
    /// title wins, so "TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH" is KT.), upper-case lines after it are the title,
    /// and the first Title-case name ends the block. Bracketed asides ("(Đã ký)") are skipped.
    /// </summary>
    private static Signer? FromLines(IReadOnlyList<Line> candidates, bool requireTitle)
    {
        string? authority = null, principal = null, name = null;
        var titles = new List<string>();
        foreach (var line in candidates)
        {
            var t = line.Text;
            if (IsAside(t)) continue;
            var a = Authority().Match(t);
            if (a.Success)
            {
                // Lines before an authority prefix belong to a higher level of the signature ("TM. …"), not the title.
                authority = (a.Groups["a"].Value == "IM" ? "TM" : a.Groups["a"].Value) + ".";
                principal = a.Groups["rest"].Value.Trim();
                titles.Clear();
                if (SplitNameTail(principal) is { } withName)
                {
                    principal = withName.Upper;
                    name = withName.Name;
                    break;
                }
                continue;
            }
            if (IsName(t))
            {
                name = t;
                break;
            }
            if (VietText.IsUpperText(t))
            {
                titles.Add(t);
                continue;
            }
            if (SplitNameTail(t) is { } split)                      // "PHÓ CHỦ TỊCH Tăng Thị Thắm" run together
            {
                titles.Add(split.Upper);
                name = split.Name;
                break;
            }
        }
        // A name printed in capitals comes last and carries no title word: "GIÁM ĐỐC / PHẠM THỊ TRINH".
        if (name is null && titles.Count > 0 && !HasTitleWord(titles[^1]) && (titles.Count > 1 || authority is not null) && PersonLike().IsMatch(titles[^1]))
        {
            name = titles[^1];
            titles.RemoveAt(titles.Count - 1);
        }
        string? title = titles.Count > 0 ? string.Join(' ', titles) : null;
        if (title is null && principal is { Length: > 0 })
        {
            // Nothing below the authority line: either the title was run into it ("KT. CHỦ TỊCH PHÓ CHỦ TỊCH") or, for
            // an acting head ("Q. GIÁM ĐỐC"), the office named is the title held. TM./TL./KT. alone name the principal,
            // not the signer, so give no title.
            title = SplitRunTogetherTitle(principal) ?? (authority == "Q." ? principal : null);
        }
        if (authority is null && title is null && name is null) return null;
        if (requireTitle && authority is null && title is null) return null;
        return new Signer(name, title, authority);
    }

    /// <summary>"CHỦ TỊCH PHÓ CHỦ TỊCH" gives "PHÓ CHỦ TỊCH": the signer's title starts at the first title word after the first word.</summary>
    private static string? SplitRunTogetherTitle(string principal)
    {
        var m = RunTogetherTitle().Match(principal);
        return m.Success ? principal[m.Groups["title"].Index..].Trim() : null;
    }

    /// <summary>An upper-case part followed by a Title-case name on the same line, when a reader joined the cell's lines.</summary>
    private static (string Upper, string Name)? SplitNameTail(string text)
    {
        var m = NameTail().Match(text);
        if (!m.Success) return null;
        var upper = m.Groups["upper"].Value.Trim();
        return VietText.IsUpperText(upper) ? (upper, m.Groups["name"].Value.Trim()) : null;
    }

    public static bool IsName(string text) => PersonName().IsMatch(text) && !NotName().IsMatch(text);

    private static bool IsTitleLine(string text) =>
        VietText.IsUpperText(text) && text.Length <= 60 && !Numbered().IsMatch(text);

    private static bool HasTitleWord(string text) => TitleWord().IsMatch(text);

    private static bool IsAside(string text) => text.StartsWith('(') || text.StartsWith('[') || Signed().IsMatch(text);

    /// <summary>Whether a line opens an attachment; matched without marks, which OCR confuses ("Biếu số" for "Biểu số").</summary>
    public static bool IsCaption(string text) => Caption().IsMatch(VietText.Fold(text));

    private static string StripRecipient(string text)
    {
        var s = Dash().Replace(text, "");
        s = TrailingPunct().Replace(s, "");
        return VietText.Clean(s);
    }

    [GeneratedRegex(@"^Nơi\s*nhận\s*:?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NoiNhan();

    // Folded: one short word glued or not to "nhan:", and nothing after it.
    [GeneratedRegex(@"^[a-z]{1,4}\s*nhan\s*:$")]
    private static partial Regex GarbledNoiNhan();

    [GeneratedRegex(@"^\s*[-–—+•*·]\s*")]
    private static partial Regex Dash();

    [GeneratedRegex(@"(?:\s*(?:[;.,:]|/\.))+$")]
    private static partial Regex TrailingPunct();

    // A wrapped recipient line in a PDF whose columns were not told apart: it starts in lower case or with a bracket.
    [GeneratedRegex(@"^[\p{Ll}(]")]
    private static partial Regex Continuation();

    // Authority prefixes: ký thay, thay mặt, thừa lệnh, thừa ủy quyền, quyền. Printed in capitals with a dot. OCR may put
    // a stray quote before it, and reads the bold T of "TM." as I: no authority is written "IM.", so it is read as TM.
    // when an organ follows ("IM. UY BAN NHAN DAN").
    [GeneratedRegex(@"^['‘’""`´]?(?<a>KT|TM|TL|TUQ|Q|IM(?=\s*\.\s*\S))\s*\.\s*(?<rest>.*)$")]
    private static partial Regex Authority();

    // Two to six words, each a capital followed by lower-case letters: "Nguyễn Văn Này", "Tăng Thị Thắm".
    [GeneratedRegex(@"^\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}*){1,5}$")]
    private static partial Regex PersonName();

    // Title-case phrases that are not people.
    [GeneratedRegex(@"^(?:Nơi|Như|Lưu|Kính|Trên|Các|Chủ|Phó|Giám|Đã|Ký|Văn|Sở|Phòng|Ban|Trung|Bộ|Cục|Ủy|Uỷ)\s", RegexOptions.CultureInvariant)]
    private static partial Regex NotName();

    // Capitals only, two to five words of letters: the shape of a name printed in capitals.
    [GeneratedRegex(@"^\p{Lu}+(?:\s+\p{Lu}+){1,4}$")]
    private static partial Regex PersonLike();

    [GeneratedRegex(@"\b(?:CHỦ TỊCH|GIÁM ĐỐC|TRƯỞNG|PHÓ|CHÁNH|ỦY VIÊN|UỶ VIÊN|BÍ THƯ|THỦ TRƯỞNG|KẾ TOÁN|TỔNG|CỤC|VỤ|PHÒNG|BAN|BỘ|VIỆN|HIỆU|CHỈ HUY|ĐỘI)\b",
        RegexOptions.CultureInvariant)]
    private static partial Regex TitleWord();

    [GeneratedRegex(@"^\S+(?:\s+\S+)*?\s+(?<title>(?:PHÓ|CHÁNH|TRƯỞNG|CHỦ TỊCH|GIÁM ĐỐC|THỦ TRƯỞNG|ỦY VIÊN|UỶ VIÊN)\b.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex RunTogetherTitle();

    [GeneratedRegex(@"^(?<upper>.*\p{Lu}{2}.*?)\s+(?<name>\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}*){1,5})$")]
    private static partial Regex NameTail();

    [GeneratedRegex(@"^(?:[IVX]+|[0-9]+)\s*[.)]")]
    private static partial Regex Numbered();

    // Who signs a web system's printout or a form: the preparer ("Người làm báo cáo", "Người lập biểu", "Người tổng
    // hợp") or the head of the unit ("Thủ trưởng đơn vị"), in any case.
    [GeneratedRegex(@"^(?:Người\s+(?:làm\s+báo\s+cáo|lập\s+(?:biểu|báo\s+cáo)|tổng\s+hợp)|Thủ\s+trưởng\s+(?:đơn\s+vị|cơ\s+quan))$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PreparerRole();

    [GeneratedRegex(@"^(?:đã\s*ký|ký\s*tên|ký,)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Signed();

    // Captions that open the attachments after the body: "Biểu số II.06a/VPCP/KSTT", "Biểu mẫu số 06a", "Phụ lục I",
    // "PHỤ LỤC", "Mẫu số 01"; folded.
    [GeneratedRegex(@"^(?:bieu\s*(?:mau\s*)?so|phu\s*luc|mau\s*so)(?![\p{L}])", RegexOptions.CultureInvariant)]
    private static partial Regex Caption();
}
