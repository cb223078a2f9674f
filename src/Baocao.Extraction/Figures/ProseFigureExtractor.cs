using System.Text.RegularExpressions;
using Baocao.Documents;
using Baocao.Reports;
using Baocao.Text;

namespace Baocao.Figures;

/// <summary>
/// Reads the key dossier figures stated in prose in the results section ("6. Tình hình, kết quả giải quyết TTHC"):
/// "Số mới tiếp nhận trong kỳ: 61 hồ sơ (trực tuyến: 59 hồ sơ; …)" gives <c>received.new</c> 61, <c>received.online</c> 59.
/// <para>
/// The grammar varies between agencies, so the reading is lexical rather than a fixed template: the section is cut into
/// paragraphs, sentences and clauses; each number that counts dossiers ("hồ sơ", or no unit) is named by the label
/// words just before it in its clause ("trước hạn: 60", "còn hạn là 1.747"), or when nothing names it there, just after
/// it ("6.717 trực tiếp", "04 hồ sơ bị trả lại"). Words such as "trước hạn" or "quá hạn" need a group (resolved or
/// pending): that comes from the nearest lead words before them ("đã giải quyết", "đang giải quyết").
/// A percentage right after a figure ("quá hạn: 449 chiếm 2,02%") is its share, <c>&lt;key&gt;.pct</c>.
/// </para>
/// Nothing is computed or invented: every figure is a number printed in its sentence, which is kept as its text.
/// </summary>
public static partial class ProseFigureExtractor
{
    /// <summary>Figures of the results section in reading order; empty when the document has no such section.</summary>
    public static IReadOnlyList<Figure> Extract(IReadOnlyList<Block> blocks)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        var section = ResultsSection.Locate(blocks);
        return section is null ? [] : new SectionReader(section).Read();
    }

    /// <summary>
    /// How far (in words) a label may sit from its number. "Tổng số hồ sơ mới tiếp nhận trong kỳ báo cáo là: 154.348"
    /// needs five; farther than this, the words are about something else.
    /// </summary>
    private const int MaxLabelGap = 6;

    private enum LabelKind
    {
        // Parts of the received total: they name a figure whatever the group.
        New, CarriedOver, Online, Direct, Postal,
        // Timeliness: meaningful only within the resolved or pending group.
        EarlyOrOnTime, Early, OnTime, Within, Late,
        // Lead words: they open a group and, on their own, name its total.
        Received, Resolved, Pending, Returned,
    }

    private static bool IsLead(LabelKind kind) => kind >= LabelKind.Received;

    private readonly record struct Hit(int Start, int End, LabelKind Kind);

    private readonly record struct Token(int Start, int End, bool IsNone);

    private enum UnitKind { Bare, Dossier, Percent, Other }

    /// <summary>The mutable walk over one section; created per call, so <see cref="Extract"/> stays a pure function.</summary>
    private sealed class SectionReader
    {
        private readonly ResultsSection _section;
        private readonly string _text;
        private readonly string _folded;
        private readonly List<Hit> _hits;
        private readonly List<Hit> _contextLeads;
        private readonly List<Token> _tokens;
        private readonly List<Figure> _figures = [];
        private readonly HashSet<(string Key, string? Scope)> _seen = [];

        public SectionReader(ResultsSection section)
        {
            _section = section;
            _text = section.Text;
            _folded = section.Folded;
            _hits = Labels().Matches(_folded, section.BodyStart).Select(ToHit).ToList();
            // A lead inside a ratio ("69,85% so với tổng số hồ sơ tiếp nhận", "chiếm 20,99 % hồ sơ đã giải quyết")
            // refers back to another group; it must not switch the current one.
            _contextLeads = _hits.Where(h => IsLead(h.Kind) && !InRatio(h.Start)).ToList();
            _tokens = Numbers().Matches(_folded, section.BodyStart)
                .Select(m => new Token(m.Index, m.Index + m.Length, m.Value.StartsWith('k')))
                .ToList();
        }

        public IReadOnlyList<Figure> Read()
        {
            var starts = _section.ParagraphStarts;
            string? scope = null;
            HashSet<string>? scopeOuterMarkers = null; // set while a bare "+ Cấp tỉnh:" heading scopes the paragraphs below it
            var markersSeen = new HashSet<string>();
            for (var p = 0; p < starts.Count; p++)
            {
                var start = starts[p];
                var end = p + 1 < starts.Count ? starts[p + 1] - 1 : _text.Length;
                var markerLength = ResultsSection.MarkerLength(_text, start);
                var marker = MarkerKind(_text.Substring(start, markerLength).Trim());
                var content = start + markerLength;

                var scopeMatch = ScopePrefix().Match(_folded, content);
                if (scopeMatch.Success && scopeMatch.Index + scopeMatch.Length <= end)
                {
                    scope = scopeMatch.Groups["level"].Value switch
                    {
                        "tinh" => "Cấp tỉnh",
                        "huyen" => "Cấp huyện",
                        _ => "Cấp xã",
                    };
                    var headingOnly = _folded.AsSpan(scopeMatch.Index + scopeMatch.Length, end - scopeMatch.Index - scopeMatch.Length).Trim().IsEmpty;
                    // The items a scope heading covers end at an item of its level or above: the markers in use
                    // before it. A sibling heading ("b) Cấp huyện:" after "a) Cấp tỉnh:") keeps the same levels.
                    scopeOuterMarkers = !headingOnly ? null
                        : scopeOuterMarkers is { } outer && outer.Contains(marker) ? outer
                        : [.. markersSeen, marker];
                }
                else if (scopeOuterMarkers is null || (marker.Length > 0 && scopeOuterMarkers.Contains(marker)))
                {
                    // A scope stated inline covers its own paragraph; a heading's scope ends at a sibling or outer item.
                    scope = null;
                    scopeOuterMarkers = null;
                }
                if (marker.Length > 0) markersSeen.Add(marker);

                foreach (var (from, to) in Sentences(content, end))
                    ReadSentence(from, to, content, scope);
            }
            return _figures;
        }

        /// <summary>"a)" and "b)" (or "1.1" and "1.2") are siblings: the level is what the marker looks like, not its letter.</summary>
        private static string MarkerKind(string marker) =>
            marker.Length == 0 || !char.IsLetterOrDigit(marker[0]) ? marker : char.IsDigit(marker[0]) ? "1.1" : "a)";

        private void ReadSentence(int from, int to, int paragraphContent, string? scope)
        {
            var tokens = _tokens.Where(t => t.Start >= from && t.End <= to).ToList();
            string? sentence = null;
            (string Key, int Index)? last = null; // the figure read from the previous token, for a share that follows it
            var previousEnd = from;
            for (var k = 0; k < tokens.Count; k++)
            {
                var token = tokens[k];
                var (unit, unitEnd) = ReadUnit(token, to);
                var regionStart = Math.Max(ClauseStart(token.Start, from), previousEnd);
                // A date, year or reference is part of the wording ("đã tiếp nhận trong năm 2020 là 535.312"): the label
                // before it still names the next number. Any other number closes the label region.
                if (IsDateOrReference(token, unit, from, paragraphContent)) continue;
                previousEnd = unitEnd;
                if (!TryValue(token, out var value, out var flags) || IsNotAFigure(token, unit, unitEnd, from)) continue;
                var raw = token.IsNone ? null : VietText.Clean(_text[token.Start..token.End]);

                if (unit == UnitKind.Percent)
                {
                    // "chiếm 2,02%" belongs to the figure just read, unless its own words name something else.
                    if (last is { } figure && figure.Index == k - 1 && !AnyHit(regionStart, token.Start))
                        Emit(figure.Key + ".pct", value, raw, flags, token.Start, from, to, scope, ref sentence);
                    continue;
                }

                var key = Name(token, unitEnd, regionStart, ClauseEnd(token.End, to), k + 1 < tokens.Count ? tokens[k + 1].Start : to);
                last = key is not null && Emit(key, value, raw, flags, token.Start, from, to, scope, ref sentence) ? (key, k) : null;
            }
        }

        /// <summary>The canonical key for a dossier count, from its label before (or failing that, after) it; null when unnamed.</summary>
        private string? Name(Token token, int unitEnd, int regionStart, int clauseEnd, int nextToken)
        {
            var label = Pick(LastHit(regionStart, token.Start, sub: true), LastHit(regionStart, token.Start, sub: false),
                h => WordCount(h.End, token.Start) <= MaxLabelGap);
            var group = LastContextLead(token.Start);
            if (label is null && !token.IsNone)
            {
                var afterEnd = Math.Min(clauseEnd, nextToken);
                var lead = FirstHit(unitEnd, afterEnd, sub: false);
                label = Pick(FirstHit(unitEnd, afterEnd, sub: true), lead, h => WordCount(unitEnd, h.Start) <= MaxLabelGap);
                // "02 hồ sơ đã giải quyết trước thời hạn": the group is named after the number too.
                if (lead is { } named) group = named.Kind;
            }
            return label is { } l ? KeyFor(l.Kind, group) : null;
        }

        private static Hit? Pick(Hit? sub, Hit? lead, Func<Hit, bool> near) =>
            sub is { } s && near(s) ? s : lead is { } l && near(l) ? l : null;

        private static string? KeyFor(LabelKind kind, LabelKind? group) => kind switch
        {
            LabelKind.New => "received.new",
            LabelKind.CarriedOver => "received.carried_over",
            LabelKind.Online => "received.online",
            LabelKind.Direct => "received.direct",
            LabelKind.Postal => "received.postal",
            LabelKind.Received => "received.total",
            LabelKind.Resolved => "resolved.total",
            LabelKind.Pending => "pending.total",
            LabelKind.Returned => "returned",
            LabelKind.EarlyOrOnTime when group == LabelKind.Resolved => "resolved.early_or_on_time",
            LabelKind.Early when group == LabelKind.Resolved => "resolved.early",
            LabelKind.OnTime when group == LabelKind.Resolved => "resolved.on_time",
            LabelKind.OnTime or LabelKind.Within when group == LabelKind.Pending => "pending.on_time",
            LabelKind.Late when group == LabelKind.Resolved => "resolved.late",
            LabelKind.Late when group == LabelKind.Pending => "pending.late",
            // "trong hạn" of resolved dossiers, "trước hạn" of pending ones, or timeliness with no group: no canonical key.
            _ => null,
        };

        private bool Emit(string key, decimal value, string? raw, IReadOnlyList<string> flags, int at, int from, int to, string? scope, ref string? sentence)
        {
            if (!_seen.Add((key, scope))) return false; // a later repeat of a stated figure adds nothing
            sentence ??= SentenceText(from, to);
            // The number keeps its printed text and the parser's doubts ("2,800" may be 2.8 or 2800: the document decides later).
            _figures.Add(new Figure(key, value, sentence, _section.PageAt(at), scope, Math.Round(_section.ConfidenceAt(at), 3)) { Raw = raw, Flags = flags });
            return true;
        }

        private string SentenceText(int from, int to) =>
            LeadingPunctuation().Replace(VietText.Clean(_text[from..to]), "");

        private bool TryValue(Token token, out decimal value, out IReadOnlyList<string> flags)
        {
            value = 0;
            flags = [];
            if (token.IsNone) return true; // "quá hạn: Không có"
            return NumberParser.TryParseNumber(_text[token.Start..token.End], out value, out flags);
        }

        /// <summary>Years, list numbers, periods, levels and document numbers: numbers, but part of the wording.</summary>
        private bool IsDateOrReference(Token token, UnitKind unit, int sentenceStart, int paragraphContent)
        {
            if (token.IsNone) return false;
            var raw = _folded.AsSpan(token.Start, token.End - token.Start);
            if (unit != UnitKind.Dossier && raw.Length == 4 && int.TryParse(raw, out var year) && year is >= 1900 and <= 2100)
                return true; // "năm 2020"; "2020 hồ sơ" would still count
            if (token.Start == paragraphContent && ListNumberTail().IsMatch(_folded, token.End)) return true; // "1. …" item
            return DateOrReferenceBefore().IsMatch(Before(token, sentenceStart));
        }

        /// <summary>Other units, changes and back-references are not figures either.</summary>
        private bool IsNotAFigure(Token token, UnitKind unit, int unitEnd, int sentenceStart)
        {
            if (unit == UnitKind.Other) return true; // "12 trường hợp", "817 ý kiến", "292 TTHC"
            if (token.IsNone) return unit == UnitKind.Percent || !EndsClause(unitEnd);
            return ChangeOrBackReferenceBefore().IsMatch(Before(token, sentenceStart));
        }

        // The words just before a number, within its sentence; 80 characters hold the longest pattern that looks back
        // ("trên tổng số hồ sơ TTHC đã tiếp nhận trong kỳ là").
        private string Before(Token token, int sentenceStart) => _folded[Math.Max(sentenceStart, token.Start - 80)..token.Start];

        /// <summary>"Không có" stands for 0 only as a whole value: "quá hạn: Không có;", not "không có hồ sơ quá hạn".</summary>
        private bool EndsClause(int unitEnd)
        {
            var i = SkipSpaces(unitEnd);
            return i >= _folded.Length || IsClauseEndChar(_folded[i]) || _folded[i] == '.';
        }

        /// <summary>What follows the number: "hồ sơ", "%", nothing (punctuation, a label, "chiếm"), or another unit.</summary>
        private (UnitKind Unit, int End) ReadUnit(Token token, int limit)
        {
            var i = SkipSpaces(token.End);
            if (i >= limit) return (UnitKind.Bare, token.End);
            if (_folded[i] == '%') return (UnitKind.Percent, i + 1);
            var dossier = DossierUnit().Match(_folded, i);
            if (dossier.Success) return (UnitKind.Dossier, dossier.Index + dossier.Length);
            if (IsClauseEndChar(_folded[i]) || _folded[i] is '.' or ':' || BareFollower().IsMatch(_folded, i)
                || _hits.Any(h => h.Start == i))
                return (UnitKind.Bare, token.End);
            return (UnitKind.Other, token.End);
        }

        private int SkipSpaces(int i)
        {
            while (i < _folded.Length && _folded[i] == ' ') i++;
            return i;
        }

        private Hit? LastHit(int from, int to, bool sub)
        {
            Hit? found = null;
            foreach (var h in _hits)
            {
                if (h.Start >= to) break;
                if (h.Start >= from && h.End <= to && IsLead(h.Kind) != sub) found = h;
            }
            return found;
        }

        private Hit? FirstHit(int from, int to, bool sub)
        {
            foreach (var h in _hits)
                if (h.Start >= from && h.End <= to && IsLead(h.Kind) != sub) return h;
            return null;
        }

        private bool AnyHit(int from, int to) => _hits.Any(h => h.Start >= from && h.End <= to);

        private LabelKind? LastContextLead(int before)
        {
            LabelKind? kind = null;
            foreach (var h in _contextLeads)
            {
                if (h.End > before) break;
                kind = h.Kind;
            }
            return kind;
        }

        private bool InRatio(int at)
        {
            var start = at;
            while (start > _section.BodyStart && !IsClauseDelimiter(start - 1) && !IsFullStop(start - 1))
                start--;
            var ratio = RatioWords().Match(_folded, start);
            return ratio.Success && ratio.Index < at;
        }

        /// <summary>Start of the clause holding <paramref name="at"/>: just after the nearest ";", ",", "(" or ")" before it.</summary>
        private int ClauseStart(int at, int floor)
        {
            for (var i = at - 1; i >= floor; i--)
                if (IsClauseDelimiter(i)) return i + 1;
            return floor;
        }

        private int ClauseEnd(int at, int ceiling)
        {
            for (var i = at; i < ceiling; i++)
                if (IsClauseDelimiter(i)) return i;
            return ceiling;
        }

        private static bool IsClauseEndChar(char c) => c is ';' or ',' or '(' or ')' or '[' or ']';

        /// <summary>A comma between digits is a decimal mark ("69,85"), not a clause break.</summary>
        private bool IsClauseDelimiter(int i)
        {
            var c = _folded[i];
            if (c != ',') return IsClauseEndChar(c);
            if (i > 0 && char.IsDigit(_folded[i - 1]) && i + 1 < _folded.Length && char.IsDigit(_folded[i + 1])) return false;
            // "trực tiếp, qua dịch vụ bưu chính" names one column of form II.06a: the comma does not split it.
            return !(_folded.AsSpan(0, i).EndsWith("truc tiep") && DirectPostalTail().IsMatch(_folded.AsSpan(i + 1)));
        }

        private int WordCount(int from, int to)
        {
            var count = 0;
            var inWord = false;
            for (var i = from; i < to; i++)
            {
                var isWord = char.IsLetterOrDigit(_folded[i]);
                if (isWord && !inWord) count++;
                inWord = isWord;
            }
            return count;
        }

        /// <summary>
        /// Sentences of a paragraph: a "." (or "!", "?") that is not a decimal or group mark and is followed by a capital
        /// ("…(đạt tỉ lệ 97%).Trong đó, …"). "… hồ sơ. (Trong đó: …)" stays one sentence: the bracket explains it.
        /// </summary>
        private IEnumerable<(int From, int To)> Sentences(int start, int end)
        {
            var from = SkipSpaces(start);
            for (var i = from; i < end; i++)
            {
                if (!IsFullStop(i)) continue;
                var next = SkipSpaces(i + 1);
                if (next < end && !char.IsUpper(_text[next])) continue;
                if (IsAbbreviation(i)) continue;
                if (from < i + 1) yield return (from, i + 1);
                from = next;
            }
            if (from < end) yield return (from, end);
        }

        /// <summary>A sentence-ending mark; a point between digits groups thousands ("5.661") or is a decimal point.</summary>
        private bool IsFullStop(int i) => _folded[i] switch
        {
            '!' or '?' or '…' => true,
            '.' => !(i > 0 && char.IsDigit(_folded[i - 1]) && i + 1 < _folded.Length && char.IsDigit(_folded[i + 1])),
            _ => false,
        };

        /// <summary>"TP. Trà Vinh", "Q. Giám đốc": a one- or two-letter capitalised word before the point.</summary>
        private bool IsAbbreviation(int dot)
        {
            if (_text[dot] != '.') return false;
            var i = dot;
            while (i > 0 && char.IsLetter(_text[i - 1])) i--;
            var length = dot - i;
            return length is >= 1 and <= 2 && char.IsUpper(_text[i]);
        }

        private static Hit ToHit(Match m)
        {
            foreach (var (name, kind) in GroupKinds)
                if (m.Groups[name].Success) return new Hit(m.Index, m.Index + m.Length, kind);
            throw new InvalidOperationException("label pattern without a kind: " + m.Value);
        }
    }

    private static readonly (string Group, LabelKind Kind)[] GroupKinds =
    [
        ("eot", LabelKind.EarlyOrOnTime), ("new", LabelKind.New), ("direct", LabelKind.Direct), ("online", LabelKind.Online),
        ("postal", LabelKind.Postal), ("carried", LabelKind.CarriedOver), ("early", LabelKind.Early), ("ontime", LabelKind.OnTime),
        ("within", LabelKind.Within), ("late", LabelKind.Late), ("returned", LabelKind.Returned), ("pending", LabelKind.Pending),
        ("resolved", LabelKind.Resolved), ("received", LabelKind.Received),
    ];

    // Label words on folded text. Order matters where phrases overlap at one position: the longer, more specific
    // phrase is listed first ("trước hạn và đúng hạn" before "trước hạn", "tiếp nhận mới" before "tiếp nhận",
    // "trực tiếp và qua dịch vụ bưu chính", which is one column of form II.06a, before "bưu chính" alone).
    [GeneratedRegex(@"\b(?:(?<eot>truoc (?:thoi )?han va dung (?:thoi )?han|truoc va dung (?:thoi )?han|som va dung han)" +
        @"|(?<new>moi tiep nhan|tiep nhan moi|so moi|nhan moi|moi phat sinh|phat sinh moi)" +
        @"|(?<direct>truc tiep(?:(?: (?:va|hoac)|,) (?:qua )?(?:dich vu )?buu chinh(?: cong ich)?)?)" +
        @"|(?<online>truc tuyen)" +
        @"|(?<postal>(?:qua )?(?:dich vu )?buu chinh(?: cong ich)?)" +
        @"|(?<carried>ky truoc)" +
        @"|(?<early>truoc (?:thoi )?han|som han)" +
        @"|(?<ontime>dung (?:thoi )?han)" +
        @"|(?<within>trong (?:thoi )?han|con han|chua den han)" +
        @"|(?<late>qua (?:thoi )?han|tre (?:thoi )?han|tre hen)" +
        @"|(?<returned>(?:bi )?tra lai|bi tra ve|bi tra)" +
        @"|(?<pending>dang giai quyet|dang xu ly|chua giai quyet)" +
        @"|(?<resolved>da giai quyet|giai quyet xong|da xu ly)" +
        @"|(?<received>tiep nhan|tong so ho so))\b")]
    private static partial Regex Labels();

    // A printed number not glued to a letter, slash or another number (so not "06a", "61/2018", "15/6/2021", "II.06"),
    // or "Không" / "Không có" standing as a value after a colon or "là".
    [GeneratedRegex(@"(?<![\p{L}\d/])(?<![\p{L}\d][.,])\d+(?:[.,]\d+)*(?![\d/\p{L}])|(?<=(?::|\bla)\s{0,3})khong(?: co)?(?!\p{L})")]
    private static partial Regex Numbers();

    [GeneratedRegex(@"\Gho so(?: tthc)?\b")]
    private static partial Regex DossierUnit();

    // Words that may follow a bare number: "21.829 chiếm 97,98%", "22.278 (…)", "01 hồ sơ và …".
    [GeneratedRegex(@"\G(?:chiem|dat|tren|trong do|va|hoac|tang|giam|hs)\b")]
    private static partial Regex BareFollower();

    [GeneratedRegex(@"\G\s*[.)]\s")]
    private static partial Regex ListNumberTail();

    // Words just before a number that make it a date or period ("tháng 10", "năm 2019", "quý 3"), a level ("mức độ 3"),
    // an article or form ("Điều 9", "Biểu số 06") or a document number ("Quyết định số 1216").
    [GeneratedRegex(@"(?:\b(?:ngay|thang|nam|quy|muc do|cap do|muc|lan|dieu|khoan|diem|chuong|phu luc|bieu|mau|giai doan|tuan|buoc|phien ban|iso|tcvn)" +
        @"|\b(?:quyet dinh|cong van|ke hoach|nghi dinh|thong tu|bao cao|van ban|to trinh|nghi quyet|chi thi|thong bao|cong dien|luat|bieu|phu luc|mau) so)\s*$")]
    private static partial Regex DateOrReferenceBefore();

    // A change ("tăng 96 hồ sơ so với tháng trước", "giảm 04") or a back-reference ("trên tổng số 5.661 hồ sơ").
    [GeneratedRegex(@"(?:\b(?:tang|giam|tang them|giam di|giam bot|nhieu hon|it hon|chenh lech)\s*:?" +
        @"|\b(?:tren|cua|so voi|voi)\s+tong(?: so)?(?:\s+\p{L}+){0,6}\s*:?)\s*$")]
    private static partial Regex ChangeOrBackReferenceBefore();

    [GeneratedRegex(@"%|\b(?:chiem|tren|so voi|ty le|ti le)\b")]
    private static partial Regex RatioWords();

    [GeneratedRegex(@"\G(?:doi voi\s+|tai\s+)?cap\s+(?<level>tinh|huyen|xa)\b\s*[:.,\-–]?")]
    private static partial Regex ScopePrefix();

    [GeneratedRegex(@"^[\s:;,.]+")]
    private static partial Regex LeadingPunctuation();

    [GeneratedRegex(@"^ (?:qua )?(?:dich vu )?buu chinh")]
    private static partial Regex DirectPostalTail();
}
