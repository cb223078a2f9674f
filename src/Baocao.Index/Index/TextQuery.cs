using System.Text;
using Baocao.Text;

namespace Baocao.Index;

/// <summary>
/// The words of a search, folded (no tones or marks, đ as d, lower case) so "ly lich tu phap" and "lý lịch tư pháp"
/// are one query. Each group is a word or a "quoted phrase"; a report or row matches when it holds every group.
/// Only letters and digits reach the engines, so nothing a user types can be read as query syntax. Pure.
/// </summary>
public sealed record TextQuery(IReadOnlyList<IReadOnlyList<string>> Groups)
{
    public static readonly TextQuery Empty = new([]);

    /// <summary>Every folded word of the query, for highlighting.</summary>
    public IReadOnlyList<string> Terms => Groups.SelectMany(g => g).Distinct().ToList();

    public bool IsEmpty => Groups.Count == 0;

    public static TextQuery Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return Empty;
        var groups = new List<IReadOnlyList<string>>();
        var pieces = text.Split('"');
        for (var i = 0; i < pieces.Length; i++)
        {
            var words = Words(pieces[i]);
            if (words.Count == 0) continue;
            // Odd pieces sit between quotes: one phrase. Even pieces are loose words, each its own group.
            if (i % 2 == 1 && words.Count > 1) groups.Add(words);
            else groups.AddRange(words.Select(w => (IReadOnlyList<string>)[w]));
        }
        return new TextQuery(groups);
    }

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

    /// <summary>The SQLite FTS5 expression: every group, each a quoted phrase, optionally restricted to columns.</summary>
    public string ToFts5(string? columns = null)
    {
        var expr = string.Join(" AND ", Groups.Select(g => "\"" + string.Join(' ', g) + "\""));
        return columns is null ? expr : $"{{{columns}}} : ({expr})";
    }

    /// <summary>Whether a text holds every group (each phrase as consecutive words): the engines' rule, in memory.</summary>
    public bool Matches(string? text)
    {
        var words = Words(text);
        return Groups.All(g => Enumerable.Range(0, Math.Max(0, words.Count - g.Count + 1)).Any(i => g.Select((w, k) => words[i + k] == w).All(x => x)));
    }
}

/// <summary>
/// Marks the query's words in the original text, «like this», whatever their diacritics: the text is folded one
/// word at a time, so the marks land on the printed words. Pure.
/// </summary>
public static class Highlighter
{
    public const string Open = "«", Close = "»";

    /// <summary>The text with every word that folds to a query term marked; null when no word matches.</summary>
    public static string? Mark(string? text, IReadOnlyCollection<string> terms)
    {
        if (string.IsNullOrEmpty(text) || terms.Count == 0) return null;
        var sb = new StringBuilder(text.Length + 16);
        var any = false;
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsLetterOrDigit(text[i])) { sb.Append(text[i++]); continue; }
            var start = i;
            // Combining marks belong to the word (text is NFC, but be safe with decomposed input).
            while (i < text.Length && (char.IsLetterOrDigit(text[i]) || char.GetUnicodeCategory(text[i]) == System.Globalization.UnicodeCategory.NonSpacingMark)) i++;
            var word = text[start..i];
            if (terms.Contains(FoldWord(word))) { sb.Append(Open).Append(word).Append(Close); any = true; }
            else sb.Append(word);
        }
        if (!any) return null;
        // Adjacent marked words read as one phrase: «lý» «lịch» becomes «lý lịch».
        return sb.ToString().Replace(Close + " " + Open, " ");
    }

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
