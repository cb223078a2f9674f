using System.Globalization;
using System.Text;
using System.Text.Json;
using Baocao.Text;

namespace Baocao.Mapping;

/// <summary>A name put onto a canonical list: its stable key (for search facets) and its canonical spelling.</summary>
public sealed record CanonicalName(string Key, string Name);

/// <summary>
/// Puts row labels (lĩnh vực, agencies, levels) and issuing agencies onto the canonical lists of
/// Mapping/canonical-names.json, so that "Sở TT&amp;TT", "Sở Thông tin và Truyền thông" and "STTTT" are one agency.
/// Matching folds diacritics and đ, ignores case, punctuation and a leading "Lĩnh vực", and accepts a close spelling
/// (character-trigram Dice ≥ 0.85, for OCR slips) when one entry alone is that close. Local governments keep their
/// place: "UBND HUYỆN TRÀ CÚ" is "Ủy ban nhân dân huyện Trà Cú". Pure; no match gives null.
/// </summary>
public sealed class NameNormalizer
{
    private sealed record Entry(string Key, string Name, string Kind);

    private readonly Dictionary<string, Entry> exact = new(StringComparer.Ordinal);
    private readonly List<(string squashed, HashSet<string> grams, Entry entry)> fuzzy = [];
    private readonly List<(string[] words, string name)> localities = [];
    private readonly HashSet<string> levelForms = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> canonical = [];
    private readonly List<string> printed = [];
    private const double MinDice = 0.85;

    public static NameNormalizer Default { get; } = LoadEmbedded();

    private static NameNormalizer LoadEmbedded()
    {
        using var s = typeof(NameNormalizer).Assembly.GetManifestResourceStream("Baocao.Mapping.canonical-names.json")
                      ?? throw new InvalidOperationException("the embedded canonical-names.json is missing from the build");
        using var doc = JsonDocument.Parse(s);
        return new NameNormalizer(doc.RootElement);
    }

    public NameNormalizer(JsonElement root)
    {
        foreach (var (list, kind) in new[] { ("levels", "level"), ("agencies", "agency"), ("fields", "field") })
            foreach (var e in root.GetProperty(list).EnumerateArray())
            {
                var name = e.GetProperty("name").GetString()!;
                var entry = new Entry(kind + ":" + Slug(name), name, kind);
                if (!canonical.TryGetValue(kind, out var names)) canonical[kind] = names = [];
                names.Add(name);
                foreach (var form in e.GetProperty("aliases").EnumerateArray().Select(a => a.GetString()!).Prepend(name))
                {
                    printed.Add(form);
                    var n = Normal(form, kind == "field");
                    if (kind == "level") levelForms.Add(n);
                    // The first list wins a shared spelling: levels, then agencies, then fields.
                    if (!exact.TryAdd(n, entry)) continue;
                    var sq = n.Replace(" ", "");
                    fuzzy.Add((sq, Grams(sq), entry));
                }
            }
        foreach (var e in root.GetProperty("localities").EnumerateArray())
        {
            var name = e.GetProperty("name").GetString()!;
            foreach (var form in e.GetProperty("aliases").EnumerateArray().Select(a => a.GetString()!).Prepend(name))
                localities.Add((Normal(form, false).Split(' '), name));
        }
        // Longest type first: "ubnd thi tran" before "ubnd thi".
        localities.Sort((a, b) => b.words.Length.CompareTo(a.words.Length));
    }

    /// <summary>Every printed form of the lists (canonical names and their aliases), as written in the file.</summary>
    public IReadOnlyList<string> PrintedForms => printed;

    /// <summary>The canonical names of one list: "field", "agency" or "level".</summary>
    public IReadOnlyList<string> Names(string kind) => canonical.TryGetValue(kind, out var names) ? names : [];

    /// <summary>The issuing agency of a header ("SỞ THÔNG TIN VÀ TRUYỀN THÔNG", "UBND HUYỆN TRÀ CÚ").</summary>
    public CanonicalName? Agency(string? printed)
    {
        if (string.IsNullOrWhiteSpace(printed)) return null;
        if (Locality(printed) is { } local) return local;
        return Match(printed, field: false, e => e.Kind == "agency") is { } m ? new CanonicalName(m.Key, m.Name) : null;
    }

    /// <summary>A row label: a level ("Cấp tỉnh"), an agency (seed 002's rows) or a field ("Lĩnh vực Hộ tịch").</summary>
    public CanonicalName? RowLabel(string? label)
    {
        if (string.IsNullOrWhiteSpace(label)) return null;
        if (levelForms.Contains(Normal(label, false)))
            return exact[Normal(label, false)] is var lv ? new CanonicalName(lv.Key, lv.Name) : null;
        if (Locality(label) is { } local) return local;
        return Match(label, field: true, e => e.Kind != "level") is { } m ? new CanonicalName(m.Key, m.Name) : null;
    }

    private Entry? Match(string printed, bool field, Func<Entry, bool> allowed)
    {
        foreach (var n in new[] { Normal(printed, false), Normal(printed, field) }.Distinct())
            if (exact.TryGetValue(n, out var e) && allowed(e)) return e;
        var sq = Normal(printed, field).Replace(" ", "");
        if (sq.Length < 6) return null;
        var grams = Grams(sq);
        Entry? best = null;
        double bestScore = 0, second = 0;
        foreach (var (_, g, entry) in fuzzy)
        {
            if (!allowed(entry)) continue;
            var inter = grams.Count(g.Contains);
            var dice = 2.0 * inter / (grams.Count + g.Count);
            if (dice > bestScore)
            {
                if (best is not null && best.Key != entry.Key) second = bestScore;
                (best, bestScore) = (entry, dice);
            }
            else if (dice > second && best?.Key != entry.Key) second = dice;
        }
        // One entry must stand out: two names equally close are a guess, not a match.
        return bestScore >= MinDice && bestScore - second > 0.05 ? best : null;
    }

    private CanonicalName? Locality(string printed)
    {
        var words = Normal(printed, false).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        foreach (var (type, name) in localities)
        {
            if (words.Length <= type.Length || !words.Take(type.Length).SequenceEqual(type)) continue;
            // The place keeps its printed letters, in title case: the last words of the printed text.
            var printedWords = VietText.Clean(printed).Split(' ');
            var placeWords = words.Length - type.Length;
            if (printedWords.Length < placeWords) return null;
            var place = string.Join(" ", printedWords.Skip(printedWords.Length - placeWords).Select(TitleCase));
            var canonical = name + " " + place;
            return new CanonicalName("agency:" + Slug(canonical), canonical);
        }
        return null;
    }

    private static string TitleCase(string word)
    {
        var lower = word.ToLower(CultureInfo.InvariantCulture);
        return lower.Length == 0 ? lower : char.ToUpper(lower[0], CultureInfo.InvariantCulture) + lower[1..];
    }

    /// <summary>Folded words: "Sở TT&amp;TT" gives "so tt va tt"; for fields, a leading "lĩnh vực" is dropped.</summary>
    internal static string Normal(string s, bool field)
    {
        var folded = VietText.Fold(s.Replace("&", " và "));
        var sb = new StringBuilder(folded.Length);
        foreach (var ch in folded) sb.Append(char.IsLetterOrDigit(ch) ? ch : ' ');
        var words = sb.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        // A numbering left in the label ("1.", "1.2") is not part of the name.
        while (words.Count > 1 && words[0].All(char.IsDigit)) words.RemoveAt(0);
        if (field && words.Count > 2 && words[0] == "linh" && words[1] == "vuc") words.RemoveRange(0, 2);
        return string.Join(' ', words);
    }

    /// <summary>"Sở Thông tin và Truyền thông" gives "so-thong-tin-va-truyen-thong".</summary>
    public static string Slug(string name) => Normal(name, false).Replace(' ', '-');

    private static HashSet<string> Grams(string s)
    {
        var padded = "^" + s + "$";
        var set = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i + 3 <= padded.Length; i++) set.Add(padded.Substring(i, 3));
        return set;
    }
}
