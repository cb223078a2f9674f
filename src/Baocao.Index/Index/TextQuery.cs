using System.Globalization;
using System.Text;
using Baocao.Text;

namespace Baocao.Index;

/// <summary>
/// A phrase of a query: its syllables folded (<see cref="Words"/>: no tones or marks, đ as d, lower case), and as typed
/// (<see cref="Typed"/>: lower case, NFC, with whatever marks the user gave), one for one. A quoted phrase is kept whole; an
/// unquoted run of syllables may be split where the index never holds it together (<see cref="TextQuery.Resolve"/>).
/// </summary>
public sealed record Phrase(IReadOnlyList<string> Words, IReadOnlyList<string> Typed, bool Quoted = false)
{
    /// <summary>Whether any syllable was typed with a tone or other mark (then results holding the marks rank first).</summary>
    public bool Marked => Typed.Where((t, i) => t != Words[i]).Any();

    public override string ToString() => Quoted ? "\"" + string.Join(' ', Typed) + "\"" : string.Join(' ', Typed);

    public Phrase Slice(int start, int count) => new(Words.Skip(start).Take(count).ToList(), Typed.Skip(start).Take(count).ToList(), Quoted);
}

/// <summary>
/// The words of a search, as a Vietnamese researcher types them. Vietnamese words are several syllables ("hộ tịch",
/// "lý lịch tư pháp"), so adjacent syllables form a phrase by default: "ho tich" never matches every "hồ sơ … thống kê
/// tịch" but only "hộ tịch". A "quoted phrase" stays exact; <c>OR</c> (in capitals) between two phrases accepts either;
/// <c>-word</c> or <c>-"phrase"</c> drops the reports holding it. A comma or semicolon ends a phrase. Matching folds
/// diacritics and đ (so "ho tich", "hộ tịch" and "HỘ TỊCH" find the same reports); the marks a user typed only order
/// the results (<see cref="Phrase.Marked"/>).
/// <para>
/// A report (or row) matches when it holds, for every clause, one of the clause's phrases as consecutive words, and no
/// excluded phrase. Only letters and digits reach the engines, so nothing a user types can be read as query syntax. Pure.
/// </para>
/// </summary>
public sealed record TextQuery(IReadOnlyList<IReadOnlyList<Phrase>> Clauses, IReadOnlyList<Phrase> Excluded)
{
    public static readonly TextQuery Empty = new([], []);

    /// <summary>A query of plain phrases, each one clause (folded words; what --agency uses).</summary>
    public TextQuery(IReadOnlyList<IReadOnlyList<string>> groups)
        : this(groups.Select(g => (IReadOnlyList<Phrase>)[new Phrase(g, g, true)]).ToList(), []) { }

    /// <summary>Every phrase to look for (not the excluded ones), folded: what highlights mark.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Phrases => Clauses.SelectMany(c => c).Select(p => p.Words).Distinct(PhraseComparer).ToList();

    /// <summary>Every folded syllable of the phrases looked for.</summary>
    public IReadOnlyList<string> Terms => Clauses.SelectMany(c => c).SelectMany(p => p.Words).Distinct().ToList();

    /// <summary>No phrase to look for (a query of exclusions alone also selects no rows).</summary>
    public bool IsEmpty => Clauses.Count == 0 && Excluded.Count == 0;

    public bool HasPositive => Clauses.Count > 0;

    /// <summary>Whether any phrase was typed with marks.</summary>
    public bool Marked => Clauses.Any(c => c.Any(p => p.Marked));

    private static readonly IEqualityComparer<IReadOnlyList<string>> PhraseComparer = new SeqComparer();

    private sealed class SeqComparer : IEqualityComparer<IReadOnlyList<string>>
    {
        public bool Equals(IReadOnlyList<string>? a, IReadOnlyList<string>? b) => a is not null && b is not null && a.SequenceEqual(b);
        public int GetHashCode(IReadOnlyList<string> s) => string.Join(' ', s).GetHashCode(StringComparison.Ordinal);
    }

    public static TextQuery Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return Empty;
        text = text.Normalize(NormalizationForm.FormC);
        var clauses = new List<List<Phrase>>();
        var excluded = new List<Phrase>();
        var run = new List<string>();     // the syllables of the current unquoted run, as typed
        var orNext = false;               // an OR was read: the next phrase joins the last clause
        void Add(Phrase p)
        {
            if (orNext && clauses.Count > 0) clauses[^1].Add(p);
            else clauses.Add([p]);
            orNext = false;
        }
        void EndRun()
        {
            if (run.Count > 0) Add(Of(run, quoted: false));
            run.Clear();
        }
        var i = 0;
        while (i < text.Length)
        {
            var ch = text[i];
            if (ch == '"')
            {
                EndRun();
                var end = text.IndexOf('"', i + 1);
                if (end < 0) end = text.Length;
                var words = Syllables(text[(i + 1)..end]);
                if (words.Count > 0) Add(Of(words, quoted: true));
                i = end + 1;
                continue;
            }
            if (ch == '-' && (i == 0 || char.IsWhiteSpace(text[i - 1])) && i + 1 < text.Length && (char.IsLetterOrDigit(text[i + 1]) || text[i + 1] == '"'))
            {
                // -word or -"phrase": an exclusion, never part of a run.
                EndRun();
                List<string> words;
                if (text[i + 1] == '"')
                {
                    var end = text.IndexOf('"', i + 2);
                    if (end < 0) end = text.Length;
                    words = Syllables(text[(i + 2)..end]);
                    i = end + 1;
                }
                else
                {
                    // The syllables after the minus up to a comma, semicolon, quote, OR or the end: one excluded phrase,
                    // since a Vietnamese word is several syllables ("-phù cát" leaves out Phù Cát, not every "phù").
                    var end = i + 1;
                    while (end < text.Length && text[end] is not (',' or ';' or '"' or '(' or ')' or '/' or '|')
                           && !(text[end] == '-' && char.IsWhiteSpace(text[end - 1]))
                           && !(end + 2 <= text.Length && text.AsSpan(end).StartsWith("OR") && char.IsWhiteSpace(text[end - 1]) && (end + 2 == text.Length || !char.IsLetterOrDigit(text[end + 2]))))
                        end++;
                    words = Syllables(text[(i + 1)..end]);
                    i = end;
                }
                if (words.Count > 0) excluded.Add(Of(words, quoted: true));
                continue;
            }
            if (char.IsLetterOrDigit(ch))
            {
                var start = i;
                while (i < text.Length && IsWordChar(text, i)) i++;
                var word = text[start..i];
                if (word == "OR") { EndRun(); orNext = clauses.Count > 0; continue; }
                run.Add(word);
                continue;
            }
            // A comma, semicolon or bracket ends a phrase; spaces, hyphens between words and other marks do not
            // (the indexed text drops them too: "Lao động - Thương binh" is four consecutive words).
            if (ch is ',' or ';' or '(' or ')' or '/' or '|') EndRun();
            i++;
        }
        EndRun();
        return new TextQuery(clauses.Select(c => (IReadOnlyList<Phrase>)c).ToList(), excluded);
    }

    private static bool IsWordChar(string s, int i) =>
        char.IsLetterOrDigit(s[i]) || CharUnicodeInfo.GetUnicodeCategory(s[i]) == UnicodeCategory.NonSpacingMark;

    /// <summary>A phrase from typed text: each piece split into its folded syllables (a typed "II.06a" is "ii 06a").</summary>
    private static Phrase Of(List<string> typed, bool quoted)
    {
        var words = new List<string>();
        var marked = new List<string>();
        foreach (var t in typed)
        {
            var folded = Words(t);
            var lower = Syllables(t);
            for (var k = 0; k < folded.Count; k++)
            {
                words.Add(folded[k]);
                // The typed form keeps its marks (lower case NFC); where folding split it differently, the folded form.
                marked.Add(lower.Count == folded.Count ? lower[k] : folded[k]);
            }
        }
        return new Phrase(words, marked, quoted);
    }

    /// <summary>A text's runs of letters and digits as typed: lower case, NFC, marks kept.</summary>
    public static List<string> Syllables(string? text)
    {
        var list = new List<string>();
        if (string.IsNullOrEmpty(text)) return list;
        var sb = new StringBuilder();
        var s = text.Normalize(NormalizationForm.FormC);
        for (var i = 0; i < s.Length; i++)
        {
            if (IsWordChar(s, i)) sb.Append(char.ToLowerInvariant(s[i]));
            else if (sb.Length > 0) { list.Add(sb.ToString().Normalize(NormalizationForm.FormC)); sb.Clear(); }
        }
        if (sb.Length > 0) list.Add(sb.ToString().Normalize(NormalizationForm.FormC));
        return list;
    }

    /// <summary>The text lower-cased with its marks (NFC): what the marked text index holds.</summary>
    public static string Marks(string? text) => string.Join(' ', Syllables(text));

    /// <summary>The folded words of a text: runs of letters and digits.</summary>
    public static List<string> Words(string? text)
    {
        var list = new List<string>();
        var sb = new StringBuilder();
        foreach (var ch in VietText.Fold(text))
        {
            if (char.IsLetterOrDigit(ch)) sb.Append(ch);
            else if (sb.Length > 0) { list.Add(sb.ToString()); sb.Clear(); }
        }
        if (sb.Length > 0) list.Add(sb.ToString());
        return list;
    }

    /// <summary>Runs longer than this are split without asking the index about every prefix.</summary>
    private const int LongestPhrase = 8;

    /// <summary>
    /// The query with each unquoted run of syllables split into the phrases the index holds: the longest run from the left
    /// that some report holds as consecutive words (<paramref name="held"/>), then the rest the same way. "hộ tịch phù cát"
    /// is "hộ tịch" and "phù cát" (no report says "hộ tịch phù cát"); "lý lịch tư pháp" stays one phrase. A syllable no
    /// report holds stays a phrase of its own (it matches nothing; <see cref="Suggest"/> proposes a word). A run inside an
    /// OR is kept whole, so "A OR B" keeps meaning A or B.
    /// </summary>
    public TextQuery Resolve(Func<IReadOnlyList<string>, bool> held)
    {
        var clauses = new List<IReadOnlyList<Phrase>>();
        foreach (var c in Clauses)
        {
            if (c.Count != 1 || c[0].Quoted || c[0].Words.Count < 2) { clauses.Add(c); continue; }
            var p = c[0];
            var at = 0;
            while (at < p.Words.Count)
            {
                var len = Math.Min(LongestPhrase, p.Words.Count - at);
                while (len > 1 && !held(p.Words.Skip(at).Take(len).ToList())) len--;
                clauses.Add([p.Slice(at, len)]);
                at += len;
            }
        }
        return this with { Clauses = clauses };
    }

    /// <summary>An FTS5 phrase: the words quoted (they hold letters and digits only).</summary>
    public static string Fts5Phrase(IEnumerable<string> words) => "\"" + string.Join(' ', words) + "\"";

    /// <summary>
    /// The SQLite FTS5 expression of the phrases looked for: every clause, each an OR of quoted phrases, optionally
    /// restricted to columns. Exclusions are not in it (engines drop the reports holding them apart).
    /// </summary>
    public string ToFts5(string? columns = null)
    {
        var expr = string.Join(" AND ", Clauses.Select(c => c.Count == 1 ? Fts5Phrase(c[0].Words) : "(" + string.Join(" OR ", c.Select(p => Fts5Phrase(p.Words))) + ")"));
        return columns is null ? expr : $"{{{columns}}} : ({expr})";
    }

    /// <summary>The FTS5 expression of the excluded phrases (any of them); null when there are none.</summary>
    public string? ExcludedFts5() => Excluded.Count == 0 ? null : string.Join(" OR ", Excluded.Select(p => Fts5Phrase(p.Words)));

    /// <summary>
    /// The FTS5 expression over the marked text of what was typed with marks: for each phrase typed with marks, its runs of
    /// marked syllables as phrases (a syllable typed without marks may be any of its marked forms, which one text index
    /// cannot say, so it is left to the folded match). Null when nothing was typed with marks.
    /// </summary>
    public string? MarkedFts5()
    {
        var parts = new List<string>();
        foreach (var c in Clauses)
        {
            var alts = new List<string>();
            foreach (var p in c.Where(p => p.Marked))
            {
                var runs = new List<string>();
                var cur = new List<string>();
                for (var k = 0; k <= p.Words.Count; k++)
                {
                    if (k < p.Words.Count && p.Typed[k] != p.Words[k]) { cur.Add(p.Typed[k]); continue; }
                    if (cur.Count > 0) runs.Add(Fts5Phrase(cur));
                    cur = [];
                }
                // Typed marks between unmarked syllables: the whole phrase as typed is the strongest evidence, the runs the rest.
                alts.Add(runs.Count == 1 ? runs[0] : "(" + string.Join(" AND ", runs) + ")");
            }
            if (alts.Count > 0) parts.Add(alts.Count == 1 ? alts[0] : "(" + string.Join(" OR ", alts) + ")");
        }
        return parts.Count == 0 ? null : string.Join(" AND ", parts);
    }

    /// <summary>Whether a text holds every clause (one of its phrases as consecutive words) and no excluded phrase.</summary>
    public bool Matches(string? text)
    {
        var words = Words(text);
        return Clauses.All(c => c.Any(p => Holds(words, p.Words))) && !Excluded.Any(p => Holds(words, p.Words));
    }

    /// <summary>Whether a text holds every clause, ignoring exclusions (a row's own text; exclusions apply to its report).</summary>
    public bool MatchesPositive(string? text)
    {
        var words = Words(text);
        return Clauses.All(c => c.Any(p => Holds(words, p.Words)));
    }

    /// <summary>Whether a text holds any excluded phrase.</summary>
    public bool Excludes(string? text)
    {
        if (Excluded.Count == 0) return false;
        var words = Words(text);
        return Excluded.Any(p => Holds(words, p.Words));
    }

    private static bool Holds(List<string> words, IReadOnlyList<string> phrase)
    {
        for (var i = 0; i + phrase.Count <= words.Count; i++)
        {
            var k = 0;
            while (k < phrase.Count && words[i + k] == phrase[k]) k++;
            if (k == phrase.Count) return true;
        }
        return false;
    }

    /// <summary>The query as text again: phrases as typed (quoted when they were), OR, exclusions.</summary>
    public string Describe() =>
        string.Join(" ", Clauses.Select(c => string.Join(" OR ", c.Select(p => p.ToString())))
            .Concat(Excluded.Select(p => "-" + (p.Words.Count > 1 ? "\"" + string.Join(' ', p.Typed) + "\"" : p.Typed[0]))));

    /// <summary>
    /// A suggestion for the syllables no report holds: each replaced by the nearest syllable of the index's vocabulary
    /// (<paramref name="vocabulary"/>: folded syllables with the number of reports holding each), by the edit distance of the
    /// folded forms (a swap of two neighbours counts one: "tihc" is one from "tich"), at most 1 for syllables of up to
    /// four letters and 2 for longer ones; ties go to the syllable more reports hold. <paramref name="typedForm"/> gives a
    /// vocabulary syllable's usual printed form (with its marks), when known. Null when every syllable is held, or one
    /// has nothing near enough.
    /// </summary>
    /// <param name="phraseHeld">Whether some report holds a phrase: among near syllables, one that makes its phrase one the
    /// index holds wins ("ho tihc": "tich", since reports hold "ho tich", before the commoner "tthc").</param>
    public TextQuery? Suggest(Func<string, bool> held, IEnumerable<(string Term, long Docs)> vocabulary, Func<string, string?>? typedForm = null,
        Func<IReadOnlyList<string>, bool>? phraseHeld = null)
    {
        var missing = Clauses.SelectMany(c => c).SelectMany(p => p.Words).Where(w => !held(w)).Distinct().ToList();
        if (missing.Count == 0) return null;
        var vocab = vocabulary.Where(v => v.Term.Any(char.IsLetter)).ToList();
        var fix = new Dictionary<string, string>();
        foreach (var w in missing)
        {
            var limit = w.Length <= 4 ? 1 : 2;
            var near = vocab.Select(v => (v.Term, v.Docs, d: Distance(w, v.Term, limit))).Where(x => x.d <= limit)
                .OrderBy(x => x.d).ThenByDescending(x => x.Docs).ThenBy(x => x.Term, StringComparer.Ordinal).Take(20).ToList();
            if (near.Count == 0) return null;
            var phrases = Clauses.SelectMany(c => c).Where(p => p.Words.Count > 1 && p.Words.Contains(w)).ToList();
            var best = phraseHeld is null || phrases.Count == 0 ? near[0]
                : near.FirstOrDefault(x => phrases.All(p => phraseHeld(p.Words.Select(y => y == w ? x.Term : y).ToList())), near[0]);
            fix[w] = best.Term;
        }
        Phrase Fix(Phrase p)
        {
            if (!p.Words.Any(fix.ContainsKey)) return p;
            var words = p.Words.Select(w => fix.GetValueOrDefault(w, w)).ToList();
            var typed = p.Words.Select((w, k) => fix.TryGetValue(w, out var f) ? typedForm?.Invoke(f) ?? f : p.Typed[k]).ToList();
            return new Phrase(words, typed, p.Quoted);
        }
        return this with { Clauses = Clauses.Select(c => (IReadOnlyList<Phrase>)c.Select(Fix).ToList()).ToList() };
    }

    /// <summary>
    /// Optimal string alignment distance (Levenshtein with adjacent swaps), written by hand: it is a dozen lines and no
    /// package in the mirror offers it. Stops early once every cell of a row exceeds <paramref name="limit"/>.
    /// </summary>
    public static int Distance(string a, string b, int limit = int.MaxValue)
    {
        if (Math.Abs(a.Length - b.Length) > limit) return limit + 1;
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            var rowMin = int.MaxValue;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var v = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) v = Math.Min(v, d[i - 2, j - 2] + 1);
                d[i, j] = v;
                rowMin = Math.Min(rowMin, v);
            }
            if (rowMin > limit) return limit + 1;
        }
        return d[a.Length, b.Length];
    }
}

/// <summary>
/// Marks the query's words in the original text, «like this», whatever their diacritics: the text is folded one
/// word at a time, so the marks land on the printed words. Pure.
/// </summary>
public static class Highlighter
{
    public const string Open = "«", Close = "»";

    /// <summary>
    /// The text with every run of words that folds to one of the query's phrases marked as one («hộ tịch», never «hộ» alone
    /// when the phrase is "ho tich"); null when no phrase occurs.
    /// </summary>
    public static string? Mark(string? text, IReadOnlyList<IReadOnlyList<string>> phrases)
    {
        if (string.IsNullOrEmpty(text) || phrases.Count == 0) return null;
        // The printed words with their places and folds.
        var spans = new List<(int Start, int End, string Fold)>();
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsLetterOrDigit(text[i])) { i++; continue; }
            var start = i;
            // Combining marks belong to the word (text is NFC, but be safe with decomposed input).
            while (i < text.Length && (char.IsLetterOrDigit(text[i]) || char.GetUnicodeCategory(text[i]) == System.Globalization.UnicodeCategory.NonSpacingMark)) i++;
            spans.Add((start, i, FoldWord(text[start..i])));
        }
        var marked = new bool[spans.Count];
        var any = false;
        for (var w = 0; w < spans.Count; w++)
            foreach (var p in phrases)
            {
                if (w + p.Count > spans.Count) continue;
                var k = 0;
                while (k < p.Count && spans[w + k].Fold == p[k]) k++;
                if (k < p.Count) continue;
                for (k = 0; k < p.Count; k++) marked[w + k] = true;
                any = true;
            }
        if (!any) return null;
        var sb = new StringBuilder(text.Length + 16);
        var at = 0;
        for (var w = 0; w < spans.Count; w++)
        {
            if (!marked[w]) continue;
            var first = w;
            // A marked run continues over words that are marked and separated by spaces only (one phrase, one mark).
            while (w + 1 < spans.Count && marked[w + 1] && text[spans[w].End..spans[w + 1].Start].Trim().Length == 0) w++;
            sb.Append(text, at, spans[first].Start - at).Append(Open).Append(text, spans[first].Start, spans[w].End - spans[first].Start).Append(Close);
            at = spans[w].End;
        }
        sb.Append(text, at, text.Length - at);
        return sb.ToString();
    }

    /// <summary>Every word that folds to one of the terms marked (each term a phrase of one word).</summary>
    public static string? Mark(string? text, IReadOnlyCollection<string> terms) =>
        Mark(text, terms.Select(t => (IReadOnlyList<string>)[t]).ToList());

    // Folding normalises and runs a regular expression: cheap once, but a result page folds thousands of words, mostly the
    // same few hundred, so each word's fold is remembered (bounded, so a long-running process cannot grow without end).
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> Folded = new();

    private static string FoldWord(string word)
    {
        if (Folded.TryGetValue(word, out var f)) return f;
        f = VietText.Fold(word);
        if (Folded.Count < 200_000) Folded[word] = f;
        return f;
    }

    /// <summary>A short window of a long text around its first mark, so a result line stays readable.</summary>
    public static string Window(string marked, int width = 160)
    {
        if (marked.Length <= width) return marked;
        var at = Math.Max(0, marked.IndexOf(Open, StringComparison.Ordinal) - width / 3);
        var end = Math.Min(marked.Length, at + width);
        // Never cut inside a mark.
        var open = marked.LastIndexOf(Open, end - 1, end - at, StringComparison.Ordinal);
        if (open >= 0 && marked.IndexOf(Close, open, StringComparison.Ordinal) >= end) end = marked.IndexOf(Close, open, StringComparison.Ordinal) + 1;
        return (at > 0 ? "…" : "") + marked[at..end] + (end < marked.Length ? "…" : "");
    }
}
