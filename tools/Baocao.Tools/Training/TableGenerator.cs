using System.Globalization;
using Baocao.Tables;
using Baocao.Text;
using Baocao.Mapping;

namespace Baocao.Tools.Training;

/// <summary>
/// One labelled table: the columns as the mapper sees them and the class of each (a key, or a role starting with
/// '_'). <c>Family</c> names what it was made from (a layout, a corpus sample); <c>Group</c> is the form (or table
/// type) accuracy is reported under; <c>Form</c> is what the mapper is told (null when the caption names none).
/// </summary>
public sealed record LabelledTable(string Family, string Group, string? Form, bool HeldOut, IReadOnlyList<ColumnFeatures> Columns, IReadOnlyList<string> Classes);

/// <summary>How often each kind of variation is applied to a generated table.</summary>
public sealed record VariationOptions(
    double Substitute = 0.5, double SubstituteHeldOut = 0.75, double DropOther = 0.5, double AddOther = 0.15, double DropPart = 0.08,
    double DropMiddleLevels = 0.2, double Flatten = 0.12, double DropStt = 0.08, double Abbreviate = 0.25, double SwapParts = 0.3,
    double Upper = 0.12, double Lower = 0.05, double NoDiacritics = 0.12, double BrokenWords = 0.12, double Ocr = 0.3, double DropForm = 0.25,
    double GarbleLeaf = 0.08, double DropWord = 0.08, double TotalsLast = 0.12, double SplitLeaf = 0.06);

/// <summary>
/// Generates labelled tables from the catalog's layouts: the layout as printed (variant 0), then variants with other
/// wordings of the same fields and headings, abbreviations, word order, dropped diacritics, case, broken words,
/// OCR-like noise, other column numbering, dropped or added columns, and sample values of the right kind. A table
/// of the held-out split draws held-out wordings wherever the catalog has them; a training table never sees one.
/// </summary>
public sealed class TableGenerator(FormCatalog catalog, NameNormalizer names, VariationOptions? options = null)
{
    private readonly VariationOptions o = options ?? new VariationOptions();
    private readonly Dictionary<string, CatalogField> fields = catalog.Fields.ToDictionary(f => f.Key);
    private readonly Dictionary<string, CatalogRole> roles = catalog.Roles.ToDictionary(r => r.Key);
    private readonly Dictionary<string, Wordings> headingSets = HeadingIndex(catalog);

    private static Dictionary<string, Wordings> HeadingIndex(FormCatalog catalog)
    {
        var index = new Dictionary<string, Wordings>(StringComparer.Ordinal);
        foreach (var set in catalog.Headings)
            foreach (var w in set.Train.Concat(set.HeldOut))
                index.TryAdd(VietText.Fold(w), set);
        return index;
    }

    /// <summary>
    /// <paramref name="count"/> tables from one layout. <paramref name="heldOutWordings"/>: draw held-out wordings
    /// (for the held-out split); a held-out layout always does. Variant 0 of a layout is the layout as printed.
    /// </summary>
    public IEnumerable<LabelledTable> FromLayout(CatalogLayout layout, int count, bool heldOutWordings, int seed)
    {
        var rng = new Random(seed);
        var heldOut = heldOutWordings || layout.HeldOut;
        for (var v = 0; v < count; v++)
            yield return Variant(layout, clean: v == 0 && !heldOutWordings, heldOut, rng, $"{layout.Id}#{v}");
    }

    private LabelledTable Variant(CatalogLayout layout, bool clean, bool heldOut, Random rng, string family)
    {
        var cols = layout.Columns.Select(c => (key: c.Key, path: c.Path.ToList())).ToList();
        if (!clean)
        {
            if (rng.NextDouble() < o.DropOther) cols.RemoveAll(c => c.key == FormCatalog.Other);
            if (rng.NextDouble() < o.AddOther) cols.Add((FormCatalog.Other, [Pick(roles[FormCatalog.Other].Flat, heldOut, rng) ?? "Ghi chú"]));
            if (rng.NextDouble() < o.DropPart)
            {
                var parts = cols.Select((c, i) => (c, i)).Where(x => !FormCatalog.IsRole(x.c.key) && fields[x.c.key].Sums.Count == 0).ToList();
                if (parts.Count > 2) cols.RemoveAt(parts[rng.Next(parts.Count)].i);
            }
            if (rng.NextDouble() < o.DropStt && cols.Count > 3 && cols[0].key == FormCatalog.Stt) cols.RemoveAt(0);
            if (rng.NextDouble() < o.TotalsLast)
            {
                // Some tables print a total after its parts ("Cộng" last): move each total behind its last part.
                foreach (var total in cols.Where(c => !FormCatalog.IsRole(c.key) && fields[c.key].Sums.Count > 0).ToList())
                {
                    var sum = fields[total.key].Sums.FirstOrDefault(s => s.All(k => cols.Any(c => c.key == k)));
                    if (sum is null) continue;
                    var from = cols.FindIndex(c => c.key == total.key);
                    var last = sum.Max(k => cols.FindIndex(c => c.key == k));
                    if (last < from) continue;
                    cols.RemoveAt(from);
                    cols.Insert(last, total);
                }
            }
            if (rng.NextDouble() < o.DropMiddleLevels)
            {
                // Only where the middle level tells no two columns apart ("Trong kỳ"), not where it is what does
                // ("… › Cấp tỉnh › Tỷ lệ" and "… › Cấp huyện › Tỷ lệ"): a table a person could not label teaches nothing.
                var shorter = cols.Select(c => c.path.Count >= 3 ? (c.key, new List<string> { c.path[0], c.path[^1] }) : c).ToList();
                if (shorter.Select(c => string.Join(" › ", c.Item2)).Distinct().Count() == shorter.Count) cols = shorter;
            }
            if (rng.NextDouble() < o.Flatten)
                cols = cols.Select(c => FormCatalog.IsRole(c.key) ? c
                    : (c.key, new List<string> { Pick(fields[c.key].Flat, heldOut, rng) ?? string.Join(" ", c.path) })).ToList();

            // Other wordings: a leaf by its field's wordings, a heading by its set (the same everywhere it spans).
            var p = heldOut ? o.SubstituteHeldOut : o.Substitute;
            var headingChoice = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < cols.Count; i++)
            {
                var (key, path) = cols[i];
                var leafWordings = FormCatalog.IsRole(key) ? roles[key].Flat : path.Count == 1 ? fields[key].Flat : fields[key].Leaf;
                if (rng.NextDouble() < p && Pick(leafWordings, heldOut, rng) is { } leaf) path[^1] = leaf;
                // Now and then (in training only: these are lessons, not a test) a leaf the model cannot read or only
                // partly: it must then lean on the headings above, the neighbours, the numbering and the values, as it
                // has to for a wording it has never seen.
                if (!heldOut && !FormCatalog.IsRole(key) && rng.NextDouble() < o.GarbleLeaf) path[^1] = HeaderNoise.OcrNoise(path[^1], rng, 0.4);
                else if (!heldOut && !FormCatalog.IsRole(key) && rng.NextDouble() < o.DropWord)
                {
                    var words = path[^1].Split(' ').ToList();
                    if (words.Count > 1) { words.RemoveAt(rng.Next(words.Count)); path[^1] = string.Join(' ', words); }
                }
                else if (rng.NextDouble() < o.SplitLeaf)
                {
                    // OCR can read the lines of one header cell as stacked cells: "Trước › hạn".
                    var words = path[^1].Split(' ');
                    if (words.Length > 1)
                    {
                        var at = 1 + rng.Next(words.Length - 1);
                        path[^1] = string.Join(' ', words[..at]);
                        path.Add(string.Join(' ', words[at..]));
                    }
                }
                for (var l = 0; l < path.Count - 1; l++)
                {
                    var k = l + "|" + path[l];
                    if (!headingChoice.TryGetValue(k, out var chosen))
                    {
                        chosen = path[l];
                        if (headingSets.TryGetValue(VietText.Fold(path[l]), out var set) && rng.NextDouble() < p && Pick(set, heldOut, rng) is { } h) chosen = h;
                        headingChoice[k] = chosen;
                    }
                    path[l] = chosen;
                }
            }

            // Printing and reading slips, the same for every cell of one table (a merged cell is one cell).
            var abbreviate = rng.NextDouble() < o.Abbreviate;
            var swap = rng.NextDouble() < o.SwapParts;
            var upper = rng.NextDouble() < o.Upper;
            var lower = !upper && rng.NextDouble() < o.Lower;
            var plain = rng.NextDouble() < o.NoDiacritics;
            var broken = rng.NextDouble() < o.BrokenWords;
            var ocr = rng.NextDouble() < o.Ocr ? 0.015 + 0.06 * rng.NextDouble() : 0;
            var seen = new Dictionary<string, string>(StringComparer.Ordinal);
            string Slip(string t)
            {
                if (seen.TryGetValue(t, out var done)) return done;
                var s = t;
                if (abbreviate) s = HeaderNoise.Abbreviate(s, catalog.Abbreviations, rng);
                if (swap && rng.NextDouble() < 0.4) s = HeaderNoise.SwapParts(s);
                if (upper) s = s.ToUpper(CultureInfo.InvariantCulture);
                if (lower) s = s.ToLower(CultureInfo.InvariantCulture);
                if (plain) s = HeaderNoise.DropDiacritics(s);
                if (broken) s = HeaderNoise.BreakWords(s, rng);
                if (ocr > 0) s = HeaderNoise.OcrNoise(s, rng, ocr);
                if (s.Trim().Length == 0) s = t;
                return seen[t] = VietText.Clean(s);
            }
            cols = cols.Select(c => (c.key, c.path.Select(Slip).ToList())).ToList();
        }

        var numbering = clean ? layout.Numbering : Weighted(rng, ("formulas", 0.4), ("bare", 0.15), ("plain", 0.25), ("none", 0.2));
        var numbers = Numbering(cols.Select(c => c.key).ToList(), numbering, rng);
        var formTag = layout.Forms.Count > 0 ? layout.Forms[rng.Next(layout.Forms.Count)] : null;
        var values = cols.Select(c => SampleValues(c.key, layout.Rows, rng)).ToList();
        var features = cols.Select((c, i) => new ColumnFeatures(i, string.Join(" › ", c.path), numbers[i].number, numbers[i].formula, values[i])).ToList();
        var group = formTag ?? $"Phụ lục ({layout.Schema})";
        var form = formTag is not null && (clean || rng.NextDouble() >= o.DropForm) ? formTag : null;
        return new LabelledTable(family, group, form, heldOut, features, cols.Select(c => c.key).ToList());
    }

    /// <summary>Tables of columns outside the catalog (a list of documents, of people ...): every key must stay null.</summary>
    public IEnumerable<LabelledTable> OtherTables(int count, bool heldOut, int seed)
    {
        var rng = new Random(seed);
        for (var v = 0; v < count; v++)
        {
            var cols = new List<(string key, string header)>();
            if (rng.NextDouble() < 0.7) cols.Add((FormCatalog.Stt, Pick(roles[FormCatalog.Stt].Flat, heldOut, rng)!));
            if (rng.NextDouble() < 0.6) cols.Add((FormCatalog.Label, Pick(roles[FormCatalog.Label].Flat, heldOut, rng)!));
            var n = 2 + rng.Next(5);
            var used = new HashSet<string>();
            for (var k = 0; k < n; k++)
                if (Pick(roles[FormCatalog.Other].Flat, heldOut, rng) is { } h && used.Add(h)) cols.Add((FormCatalog.Other, h));
            var numbering = Weighted(rng, ("plain", 0.5), ("none", 0.5));
            var numbers = Numbering(cols.Select(c => c.key).ToList(), numbering, rng);
            var features = cols.Select((c, i) => new ColumnFeatures(i, c.header, numbers[i].number, numbers[i].formula,
                c.key == FormCatalog.Other && rng.NextDouble() < 0.05 ? Counts(rng) : SampleValues(c.key, "agencies", rng))).ToList();
            yield return new LabelledTable($"other#{v}", "other tables", null, heldOut, features, cols.Select(c => c.key).ToList());
        }
    }

    /// <summary>A wording from the pool: held-out ones for the held-out split where there are any, never for training.</summary>
    private static string? Pick(Wordings w, bool heldOut, Random rng)
    {
        if (heldOut && w.HeldOut.Count > 0 && (rng.NextDouble() < 0.7 || w.Train.Count == 0)) return w.HeldOut[rng.Next(w.HeldOut.Count)];
        return w.Train.Count > 0 ? w.Train[rng.Next(w.Train.Count)] : null;
    }

    private static string Weighted(Random rng, params (string value, double weight)[] choices)
    {
        var x = rng.NextDouble() * choices.Sum(c => c.weight);
        foreach (var (value, weight) in choices)
            if ((x -= weight) < 0) return value;
        return choices[^1].value;
    }

    /// <summary>
    /// The column-number row in one style, read back with the extractor's own parser (so a formula printed the
    /// extractor cannot read, such as a total after its parts, is lost here too). A total's formula names the
    /// columns of its parts when all of them are in the table.
    /// </summary>
    private List<(int? number, string? formula)> Numbering(List<string> keys, string style, Random rng)
    {
        var result = new List<(int?, string?)>();
        for (var i = 0; i < keys.Count; i++)
        {
            if (style == "none") { result.Add((null, null)); continue; }
            var n = i + 1;
            List<int>? terms = null;
            if (!FormCatalog.IsRole(keys[i]) && style is "formulas" or "bare")
                foreach (var sum in fields[keys[i]].Sums)
                {
                    // A printed total sums the adjacent columns of its parts: take the alternative laid out that way.
                    var at = sum.Select(k => keys.IndexOf(k)).Order().ToList();
                    if (at.Any(x => x < 0) || at[^1] - at[0] != at.Count - 1) continue;
                    terms = at.Select(x => x + 1).ToList();
                    break;
                }
            string text;
            if (style == "bare" && keys[i] == FormCatalog.Stt && rng.NextDouble() < 0.5) text = "";
            else if (terms is null) text = style == "bare" ? $"{n}" : $"({n})";
            else if (style == "bare") text = $"{n}=({string.Join("+", terms)})";
            else text = $"({n})=" + string.Join(rng.NextDouble() < 0.2 ? " +" : "+", terms.Select(t => $"({t})"));
            result.Add(text.Length == 0 ? (null, null) : ColumnNumberRow.Parse(text));
        }
        return result;
    }

    private static readonly string[] OtherTexts =
        ["Hồ sơ mẫu", "Không đề xuất", "Video mẫu", "Hồ sơ mẫu + Video mẫu", "Đang thực hiện", "Hoàn thành", "Thủ tục cấp giấy phép hoạt động",
         "Thủ tục đăng ký khai sinh", "Chờ kết quả xác minh", "Nguyễn Văn An", "Quyết định số 71/QĐ-UBND", "Quý III/2021", "-"];

    private List<string> SampleValues(string key, string rows, Random rng)
    {
        var values = new List<string>();
        for (var r = 0; r < 5; r++)
        {
            if (key == FormCatalog.Stt) values.Add((r + 1).ToString(CultureInfo.InvariantCulture));
            else if (key == FormCatalog.Label)
            {
                var kind = rows switch { "agencies" => "agency", "levels" => "level", _ => "field" };
                var list = names.Names(kind);
                var name = list.Count > 0 ? list[rng.Next(list.Count)] : "Tổng cộng";
                values.Add(kind == "field" && rng.NextDouble() < 0.3 ? "Lĩnh vực " + name : name);
            }
            else if (key == FormCatalog.Other) values.Add(rng.NextDouble() < 0.3 ? "" : OtherTexts[rng.Next(OtherTexts.Length)]);
            else values.Add(Value(fields[key].Kind, rng));
        }
        return values;
    }

    private static List<string> Counts(Random rng) => Enumerable.Range(0, 5).Select(_ => Value("count", rng)).ToList();

    private static string Value(string kind, Random rng)
    {
        var x = rng.NextDouble();
        switch (kind)
        {
            case "pct":
                if (x < 0.1) return "";
                var pct = Math.Round((decimal)(rng.NextDouble() * 100), rng.Next(3));
                return pct.ToString(CultureInfo.InvariantCulture).Replace('.', ',') + (rng.NextDouble() < 0.15 ? "%" : "");
            case "flag": return x < 0.15 ? "" : x < 0.25 ? "x" : rng.Next(2).ToString(CultureInfo.InvariantCulture);
            case "level": return x < 0.15 ? "-" : (2 + rng.Next(3)).ToString(CultureInfo.InvariantCulture);
        }
        if (x < 0.15) return "";
        if (x < 0.2) return "-";
        var y = rng.NextDouble();
        var n = y < 0.4 ? rng.Next(10) : y < 0.85 ? rng.Next(10, 1000) : rng.Next(1000, 40000);
        if (n < 10 && rng.NextDouble() < 0.15) return "0" + n;
        return n >= 1000 ? n.ToString("#,0", CultureInfo.InvariantCulture).Replace(',', '.') : n.ToString(CultureInfo.InvariantCulture);
    }
}
