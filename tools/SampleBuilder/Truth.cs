using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace SampleBuilder;

/// <summary>
/// Drafts the truth file of a sample. The header, the figures and each table's caption fields and column keys are
/// written by hand in the spec's "truth" blocks and copied unchanged; the table grid (column headers, printed column
/// numbers, row cells, STT, label, kind and values) is laid out from the very cells the DOCX is built from, so the
/// truth cannot drift from the document. Every drafted file is then read and checked by a person before commit.
/// This works on specs only; it never reads a DOCX or PDF.
/// </summary>
public static partial class Truth
{
    static readonly string[] HeaderFields = ["number", "symbol", "docType", "agency", "parentAgency", "province", "place", "date", "title", "period", "signer", "recipients", "references", "forms"];
    static readonly string[] PeriodFields = ["kind", "year", "quarter", "month", "half", "from", "to", "explicit"];
    static readonly string[] SignerFields = ["name", "title", "authority"];
    static readonly string[] TableFields = ["form", "title", "section", "unit", "reportingUnit", "receivingUnit", "period"];
    static readonly HashSet<string> DossierKeys = ["received.total", "received.new", "received.online", "received.direct", "received.carried_over",
        "resolved.total", "resolved.early", "resolved.on_time", "resolved.late", "pending.total", "pending.on_time", "pending.late", "returned"];
    static readonly HashSet<string> FigureKeys = [.. DossierKeys, "received.postal", "resolved.early_or_on_time"];

    /// <summary>Column keys a table truth may use: every field of the form catalog (models/form-catalog.json).</summary>
    public static HashSet<string> Keys { get; private set; } = DossierKeys;

    public static void LoadCatalogKeys(string catalogPath)
    {
        using var doc = System.Text.Json.JsonDocument.Parse(File.ReadAllText(catalogPath));
        Keys = doc.RootElement.GetProperty("fields").EnumerateArray().Select(f => f.GetProperty("key").GetString()!).ToHashSet();
    }

    public static JsonObject Draft(DocSpec spec)
    {
        var truth = spec.Truth;
        var root = new JsonObject
        {
            ["header"] = Header(Obj(truth, "header")),
            ["tables"] = new JsonArray(spec.Blocks.OfType<TableBlock>().Where(t => t.Table.Truth is not null).Select(t => (JsonNode)Table(t.Table)).ToArray()),
            ["figures"] = Figures(truth["figures"]?.AsArray() ?? throw new SpecException("truth: missing \"figures\"")),
            ["checks"] = ExpectedChecks(truth["checks"]?.AsArray() ?? throw new SpecException("truth: missing \"checks\" (the findings `baocao check` must report, [] for none)")),
        };
        CheckCollapsed(root, "truth");
        return root;
    }

    static JsonObject Obj(JsonObject o, string key) => o[key]?.AsObject() ?? throw new SpecException($"truth: missing \"{key}\"");

    // Copies a hand-written object in the canonical field order, refusing missing or unknown fields.
    static JsonObject Ordered(JsonObject src, string[] fields, string what, Func<string, JsonNode?, JsonNode?>? map = null)
    {
        var unknown = src.Select(kv => kv.Key).Except(fields).ToList();
        if (unknown.Count > 0) throw new SpecException($"{what}: unknown field(s) {string.Join(", ", unknown)}");
        var o = new JsonObject();
        foreach (var f in fields)
        {
            if (!src.ContainsKey(f)) throw new SpecException($"{what}: missing \"{f}\"");
            var v = src[f]?.DeepClone();
            o[f] = map is null ? v : map(f, v);
        }
        return o;
    }

    static JsonNode? PeriodOrNull(JsonNode? p, string what) => p is null ? null : Ordered(p.AsObject(), PeriodFields, what + ".period");

    static JsonObject Header(JsonObject h) => Ordered(h, HeaderFields, "header", (f, v) => f switch
    {
        "period" => PeriodOrNull(v, "header"),
        "signer" => v is null ? null : Ordered(v.AsObject(), SignerFields, "header.signer"),
        _ => v,
    });

    static JsonArray Figures(JsonArray figures)
    {
        var a = new JsonArray();
        foreach (var f in figures)
        {
            var o = f!.AsObject();
            var key = o["key"]!.GetValue<string>();
            var baseKey = key.EndsWith(".pct") ? key[..^4] : key;
            if (!FigureKeys.Contains(baseKey)) throw new SpecException($"figures: unknown key {key}");
            a.Add(new JsonObject { ["key"] = key, ["value"] = o["value"]!.DeepClone(), ["scope"] = o["scope"]?.DeepClone() });
        }
        return a;
    }

    static readonly HashSet<string> CheckRules = ["table.formula", "table.identity", "table.balance", "table.total", "table.group", "table.percent", "table.period",
        "prose.sum", "prose.percent", "prose.table", "reports.carried-over", "reports.period-sum", "reports.stock", "ocr.misreading"];
    static readonly string[] CheckFields = ["rule", "table", "row", "column", "note"];

    // The findings (error or warning) the checks stage must report on the sample, written by hand: the seed's own
    // errors and the planted ones. "note" says what was planted or why the seed is wrong; it is not compared.
    static JsonArray ExpectedChecks(JsonArray checks)
    {
        var a = new JsonArray();
        foreach (var c in checks)
        {
            var o = c!.AsObject();
            var unknown = o.Select(kv => kv.Key).Except(CheckFields).ToList();
            if (unknown.Count > 0) throw new SpecException($"checks: unknown field(s) {string.Join(", ", unknown)}");
            var rule = o["rule"]?.GetValue<string>() ?? throw new SpecException("checks: missing \"rule\"");
            if (!CheckRules.Contains(rule)) throw new SpecException($"checks: unknown rule {rule}");
            var entry = new JsonObject { ["rule"] = rule };
            foreach (var f in CheckFields.Skip(1))
            {
                if (f == "note" && !o.ContainsKey(f)) continue;
                if (!o.ContainsKey(f)) throw new SpecException($"checks: missing \"{f}\" (null when it does not apply)");
                entry[f] = o[f]?.DeepClone();
            }
            a.Add(entry);
        }
        return a;
    }

    /// <summary>The drafted truth of one data table.</summary>
    public static JsonObject Table(TableSpec t)
    {
        var meta = t.Truth!;
        var unknown = meta.Select(kv => kv.Key).Except([.. TableFields, "keys", "expectErrors"]).ToList();
        if (unknown.Count > 0) throw new SpecException($"table truth: unknown field(s) {string.Join(", ", unknown)}");
        var o = new JsonObject();
        foreach (var f in TableFields)
        {
            if (!meta.ContainsKey(f)) throw new SpecException($"table truth: missing \"{f}\"");
            o[f] = f == "period" ? PeriodOrNull(meta[f], "table") : meta[f]?.DeepClone();
        }
        var grid = Layout(t);
        var keys = meta["keys"] is JsonArray ka ? ka.Select(k => k?.GetValue<string>()).ToList() : Enumerable.Repeat<string?>(null, t.Widths.Count).ToList();
        if (keys.Count != t.Widths.Count) throw new SpecException($"table truth: {keys.Count} keys for {t.Widths.Count} grid columns");
        foreach (var k in keys)
            if (k is not null && !Keys.Contains(k)) throw new SpecException($"table truth: unknown key {k}");

        var columns = new JsonArray();
        for (var j = 0; j < t.Widths.Count; j++)
        {
            var (number, formula) = t.NumberRow ? ColumnNumber(grid[t.HeaderRows][j]) : (null, null);
            columns.Add(new JsonObject
            {
                ["header"] = ColumnHeader(grid, t.HeaderRows, j),
                ["number"] = number,
                ["formula"] = formula,
                ["key"] = keys[j],
            });
        }
        o["columns"] = columns;

        var rows = new JsonArray();
        foreach (var r in BodyRows(t, grid))
        {
            var values = new JsonObject();
            for (var j = 0; j < keys.Count; j++)
                if (keys[j] is { } key) values[key] = ParseValue(r.Cells[j], $"row {r.Stt} {r.Label}, column {j + 1}");
            rows.Add(new JsonObject
            {
                ["stt"] = r.Stt,
                ["label"] = r.Label,
                ["kind"] = r.Kind,
                ["cells"] = new JsonArray(r.Cells.Select(c => (JsonNode?)c).ToArray()),
                ["values"] = values,
            });
        }
        o["rows"] = rows;
        return o;
    }

    /// <summary>
    /// Places each spec cell in the grid. A cell's text sits at the first grid column it covers and in the row where
    /// it starts; positions covered by a horizontal span or by a vertical merge from above are "" (Covered = true).
    /// </summary>
    public sealed record Slot(string Text, bool Covered, bool StartsHere, bool MergedFromAbove, CellSpec Cell);

    public static Slot[][] Layout(TableSpec t)
    {
        var grid = new Slot[t.Rows.Count][];
        for (var r = 0; r < t.Rows.Count; r++)
        {
            grid[r] = new Slot[t.Widths.Count];
            var col = 0;
            foreach (var c in t.Rows[r].Cells)
            {
                for (var k = 0; k < c.Span; k++)
                {
                    var first = k == 0 && !c.MergeUp;
                    grid[r][col + k] = new Slot(first ? Collapse(c.Text) : "", !first, k == 0, c.MergeUp, c);
                }
                col += c.Span;
            }
        }
        return grid;
    }

    // "the distinct texts of the header cells above that grid column, top to bottom, joined with ' › '":
    // a cell merged down from above or spanning from the left still belongs to the column, but is not repeated.
    static string ColumnHeader(Slot[][] grid, int headerRows, int col)
    {
        var parts = new List<string>();
        for (var r = 0; r < headerRows; r++)
        {
            var s = grid[r][col];
            if (s.MergedFromAbove) continue;
            var text = Collapse(s.Cell.Text);
            if (text.Length > 0 && (parts.Count == 0 || parts[^1] != text)) parts.Add(text);
        }
        return string.Join(" › ", parts);
    }

    // "(3)=(4) +(5)+(6)" gives 3 and "(3)=(4)+(5)+(6)"; seed 002's "3=(4+5)" gives 3 and "(3)=(4)+(5)"; "" gives nulls.
    static (int?, string?) ColumnNumber(Slot s)
    {
        if (s.Covered) return (null, null);
        var text = s.Text.Replace(" ", "");
        if (text.Length == 0) return (null, null);
        var m = NumberCell().Match(text);
        if (!m.Success) throw new SpecException($"column-number row: cannot read \"{s.Text}\"");
        var n = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        if (!m.Groups[2].Success) return (n, null);
        var terms = Regex.Matches(m.Groups[2].Value, @"\d+").Select(x => $"({x.Value})");
        return (n, $"({n})=" + string.Join("+", terms));
    }

    public sealed record BodyRow(int Index, string Stt, string Label, string Kind, List<string> Cells);

    public static List<BodyRow> BodyRows(TableSpec t, Slot[][] grid)
    {
        var first = t.HeaderRows + (t.NumberRow ? 1 : 0);
        var rows = new List<BodyRow>();
        for (var r = first; r < t.Rows.Count; r++)
        {
            var cells = grid[r].Select(s => s.Covered ? "" : s.Text).ToList();
            string stt, label;
            if (!grid[r][0].Covered && grid[r][0].Cell.Span > 1)
            {
                // "TỔNG CỘNG" typed in one cell spanning STT and label: it is the row's label, and it has no STT.
                stt = "";
                label = cells[0];
            }
            else
            {
                stt = cells[0];
                label = cells.Count > 1 ? cells[1] : "";
            }
            rows.Add(new BodyRow(r, stt, label, "", cells));
        }
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var next = i + 1 < rows.Count ? rows[i + 1].Stt : "";
            rows[i] = row with { Kind = t.Rows[row.Index].Kind ?? Kind(row.Stt, row.Label, next) };
        }
        return rows;
    }

    public static bool IsTotalText(string s) => Collapse(s).ToUpperInvariant() is "TỔNG CỘNG" or "CỘNG";

    static string Kind(string stt, string label, string nextStt)
    {
        if (IsTotalText(label) || IsTotalText(stt)) return "total";
        if (Collapse(label).StartsWith("Tỷ lệ", StringComparison.OrdinalIgnoreCase) && label.Contains('%')) return "percent";
        if (Regex.IsMatch(stt, "^([A-Z]|[IVX]+)$")) return "group";
        if (Regex.IsMatch(stt, @"^\d+$") && nextStt.StartsWith(stt + ".", StringComparison.Ordinal)) return "group";
        return "item";
    }

    /// <summary>The number a printed cell holds in the Vietnamese convention, or null for blank, "-" and "x".</summary>
    public static decimal? ParseValue(string raw, string where)
    {
        var s = Collapse(raw);
        if (s is "" or "-" or "x" or "X") return null;
        if (s.EndsWith('%')) s = s[..^1].TrimEnd();
        if (Regex.IsMatch(s, @"^\d{1,3}(\.\d{3})+$")) return decimal.Parse(s.Replace(".", ""), CultureInfo.InvariantCulture);
        if (Regex.IsMatch(s, @"^\d+$")) return decimal.Parse(s, CultureInfo.InvariantCulture);
        if (Regex.IsMatch(s, @"^\d+,\d+$")) return decimal.Parse(s.Replace(',', '.'), CultureInfo.InvariantCulture);
        if (Regex.IsMatch(s, @"^\d{1,3}(\.\d{3})+,\d+$")) return decimal.Parse(s.Replace(".", "").Replace(',', '.'), CultureInfo.InvariantCulture);
        throw new SpecException($"{where}: \"{raw}\" is not a number in the Vietnamese convention");
    }

    public static string Collapse(string s) => Spaces().Replace(s, " ").Trim();

    static void CheckCollapsed(JsonNode? node, string where)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (k, v) in o) CheckCollapsed(v, where + "." + k);
                break;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++) CheckCollapsed(a[i], $"{where}[{i}]");
                break;
            case JsonValue v when v.TryGetValue<string>(out var s):
                if (s != Collapse(s)) throw new SpecException($"{where}: white space not collapsed: \"{s}\"");
                break;
        }
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"^\(?(\d+)\)?(?:=(.+))?$")]
    private static partial Regex NumberCell();
}
