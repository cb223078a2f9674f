using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Baocao.Text;

namespace Baocao.Mapping;

/// <summary>
/// Turns one column of a table, seen among its neighbours, into the sparse binary features the column classifier
/// reads. Pure. Text is folded (no diacritics, đ → d, lower case) so a lost tone mark changes nothing, y is read as
/// i ("tỷ lệ" and "tỉ lệ" are one spelling), and the catalog's abbreviations are applied to the folded words, so
/// "Số lượng thủ tục hành chính" and "SL TTHC" look alike. Character n-grams are taken with the spaces removed, so a
/// word that a narrow PDF cell broke ("Trự c tuy ến") or OCR glued still shares most of its n-grams with the clean one.
/// </summary>
public sealed partial class ColumnFeaturizer
{
    /// <summary>Changes whenever the features change: a model is only valid for the version it was trained with.</summary>
    public const int Version = 4;

    /// <summary>The abbreviations (long, short) as given; applied folded, longest first.</summary>
    public IReadOnlyList<(string Long, string Short)> Abbreviations { get; }
    private readonly List<(string from, string to)> folded;

    public ColumnFeaturizer(IReadOnlyList<(string Long, string Short)> abbreviations)
    {
        Abbreviations = abbreviations;
        folded = abbreviations.Select(a => (" " + Plain(a.Long) + " ", " " + Plain(a.Short) + " "))
            .OrderByDescending(a => a.Item1.Length).ThenBy(a => a.Item1, StringComparer.Ordinal).ToList();
    }

    public List<string> Features(IReadOnlyList<ColumnFeatures> columns, int i)
    {
        var col = columns[i];
        var f = new List<string>(160);
        var levels = Levels(col.Header);
        if (levels.Count == 0) f.Add("empty");
        else
        {
            var leaf = levels[^1];
            var ancestors = levels.Take(levels.Count - 1).ToList();
            f.Add("depth=" + Math.Min(levels.Count, 4));
            AddGrams(f, "l3:", Squash(leaf), 3);
            AddGrams(f, "l4:", Squash(leaf), 4);
            foreach (var w in Words(leaf)) f.Add("lw:" + w);
            var lw = Words(leaf);
            for (var k = 0; k + 1 < lw.Count; k++) f.Add("lb:" + lw[k] + "_" + lw[k + 1]);
            // Word pairs in any order and distance: "đúng và trước hạn" and "trước hạn và đúng hạn" share "dung+truoc".
            var distinct = lw.Distinct().Order(StringComparer.Ordinal).Take(8).ToList();
            for (var a = 0; a < distinct.Count; a++)
                for (var b = a + 1; b < distinct.Count; b++) f.Add("lp:" + distinct[a] + "+" + distinct[b]);
            if (ancestors.Count > 0)
            {
                AddGrams(f, "p3:", Squash(ancestors[^1]), 3);
                foreach (var w in Words(ancestors[^1])) f.Add("pw:" + w);
                foreach (var a in ancestors.Take(ancestors.Count - 1))
                {
                    AddGrams(f, "g3:", Squash(a), 3);
                    foreach (var w in Words(a)) f.Add("gw:" + w);
                }
            }
            // The whole path as a bag of words, wherever each word sits: "Cấp tỉnh › Tỷ lệ" and "Tỷ lệ › Cấp tỉnh".
            foreach (var w in levels.SelectMany(Words).Distinct()) f.Add("aw:" + w);
        }

        // Numbering: "(3)=(4)+(5)+(6)" marks a total; being a term of another column's formula marks a part.
        if (col.Number is { } n)
        {
            f.Add("num");
            if (n <= 2) f.Add("num=" + n);
            foreach (var other in columns)
            {
                if (FormulaTerms(other.Formula) is not { } terms) continue;
                var at = terms.IndexOf(n);
                if (at < 0) continue;
                f.Add("term");
                f.Add("termpos=" + Math.Min(at, 3));
                if (at == terms.Count - 1) f.Add("termlast");
                f.Add("termof=" + Math.Min(terms.Count, 4));
            }
        }
        if (FormulaTerms(col.Formula) is { } own)
        {
            f.Add("formula");
            f.Add("fterms=" + Math.Min(own.Count, 4));
        }

        // Position: in the table, and within the group under the same top heading.
        if (i == 0) f.Add("idx=0");
        if (i == 1) f.Add("idx=1");
        if (i == columns.Count - 1) f.Add("idx=last");
        var group = Group(col.Header);
        if (group is not null)
        {
            var pos = 0;
            for (var k = i - 1; k >= 0 && Group(columns[k].Header) == group; k--) pos++;
            f.Add("gpos=" + Math.Min(pos, 5));
            if (i + 1 >= columns.Count || Group(columns[i + 1].Header) != group) f.Add("glast");
        }

        // Neighbours: the leaf words on either side, and whether they declare a formula.
        if (i > 0) Neighbour(f, "L", columns[i - 1]);
        else f.Add("L:none");
        if (i + 1 < columns.Count) Neighbour(f, "R", columns[i + 1]);
        else f.Add("R:none");

        ValueFeatures(f, col.SampleValues);
        return f;
    }

    private void Neighbour(List<string> f, string side, ColumnFeatures c)
    {
        var levels = Levels(c.Header);
        if (levels.Count > 0)
            foreach (var w in Words(levels[^1])) f.Add(side + "w:" + w);
        if (c.Formula is not null) f.Add(side + ":formula");
        // A column among columns of figures is more likely a figure itself than a note.
        var kinds = new List<string>();
        ValueFeatures(kinds, c.SampleValues);
        foreach (var k in kinds.Where(k => k is "v:num" or "v:text")) f.Add(side + k);
    }

    /// <summary>What the sample values look like: text, whole numbers, percentages, 0/1 flags, x marks, blanks.</summary>
    private static void ValueFeatures(List<string> f, IReadOnlyList<string> values)
    {
        int text = 0, number = 0, pct = 0, mark = 0, blank = 0, dash = 0, big = 0, flag = 0, small = 0;
        foreach (var raw in values)
        {
            var v = NumberParser.ParseCell(raw);
            switch (v.Kind)
            {
                case ValueKind.Blank: blank++; break;
                case ValueKind.Dash: dash++; break;
                case ValueKind.Mark: mark++; break;
                case ValueKind.Text: text++; break;
                case ValueKind.Percent: pct++; number++; break;
                case ValueKind.Number:
                    number++;
                    if (v.Value is { } d)
                    {
                        if (d != decimal.Truncate(d)) pct++;
                        if (d >= 1000) big++;
                        if (d is 0 or 1) flag++;
                        if (d is >= 2 and <= 4 && d == decimal.Truncate(d)) small++;
                    }
                    break;
            }
        }
        var filled = values.Count - blank;
        if (filled == 0) { f.Add("v:blank"); return; }
        if (text * 2 > filled) f.Add("v:text");
        if (number * 2 > filled) f.Add("v:num");
        if (pct > 0) f.Add("v:pct");
        if (mark > 0) f.Add("v:mark");
        if (dash > 0) f.Add("v:dash");
        if (big > 0) f.Add("v:big");
        if (number > 0 && flag == number) f.Add("v:01");
        if (number > 0 && small == number) f.Add("v:2to4");
    }

    /// <summary>The normalised header levels ("Số lượng hồ sơ tiếp nhận › Tổng số" gives "sl hs tn", "tong so").</summary>
    public List<string> Levels(string header) =>
        header.Split('›').Where(l => !IsJunk(l)).Select(Normalise).Where(l => l.Length > 0).ToList();

    /// <summary>
    /// A header level with fewer than two letters ("(8)", "@3)=(4)", "^", "q0)") says nothing about the column: OCR of a
    /// borderless table can merge the number row and stray marks into the header.
    /// </summary>
    private static bool IsJunk(string level) => level.Count(char.IsLetter) < 2;

    /// <summary>Folded, y as i, punctuation as space, abbreviations applied.</summary>
    public string Normalise(string text)
    {
        var s = " " + Plain(text) + " ";
        foreach (var (from, to) in folded)
            if (s.Contains(from, StringComparison.Ordinal)) s = s.Replace(from, to, StringComparison.Ordinal);
        return s.Trim();
    }

    private static string Plain(string text)
    {
        var f = VietText.Fold(text).Replace('y', 'i');
        var sb = new StringBuilder(f.Length);
        foreach (var ch in f) sb.Append(char.IsLetterOrDigit(ch) ? ch : ' ');
        return string.Join(' ', sb.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    private string? Group(string header)
    {
        var levels = Levels(header);
        return levels.Count > 1 ? Squash(levels[0]) : null;
    }

    /// <summary>Letters and digits only: "trực tiếp, dịch vụ" gives "tructiepdichvu".</summary>
    public static string Squash(string folded)
    {
        var sb = new StringBuilder(folded.Length);
        foreach (var ch in folded)
            if (char.IsLetterOrDigit(ch)) sb.Append(ch);
        return sb.ToString();
    }

    private static List<string> Words(string folded) =>
        WordPattern().Matches(folded).Select(m => m.Value).Where(w => w.Length > 1 || char.IsDigit(w[0])).ToList();

    private static void AddGrams(List<string> f, string prefix, string s, int n)
    {
        var padded = "^" + s + "$";
        for (var k = 0; k + n <= padded.Length; k++) f.Add(prefix + padded.Substring(k, n));
    }

    /// <summary>The term numbers of a normalised formula "(3)=(4)+(5)+(6)": [4, 5, 6]; null for none or a difference.</summary>
    public static List<int>? FormulaTerms(string? formula)
    {
        if (formula is null || formula.Contains('-')) return null;
        var eq = formula.IndexOf('=');
        if (eq < 0) return null;
        var terms = Digits().Matches(formula[(eq + 1)..]).Select(m => int.Parse(m.Value, CultureInfo.InvariantCulture)).ToList();
        return terms.Count >= 2 ? terms : null;
    }

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex WordPattern();

    [GeneratedRegex(@"\d+")]
    private static partial Regex Digits();
}
