using System.Globalization;
using System.Text.Json;
using Baocao.Output;
using Baocao.Reports;
using Baocao.Text;

namespace Baocao.Tools.Evaluation;

/// <summary>One compared field: where it is, what the truth says, what was extracted.</summary>
public sealed record FieldResult(string Category, string Path, string Expected, string Actual)
{
    public bool Ok => Expected == Actual;
}

/// <summary>The comparison of one extracted record with its hand-checked truth.</summary>
public sealed record Comparison(string File, IReadOnlyList<FieldResult> Fields)
{
    public IEnumerable<FieldResult> Mismatches => Fields.Where(f => !f.Ok);
    public (int ok, int total) Score(string category) =>
        (Fields.Count(f => f.Category == category && f.Ok), Fields.Count(f => f.Category == category));

    /// <summary>Expected findings that were found, of those expected.</summary>
    public (int found, int expected) CheckRecall =>
        (Fields.Count(f => f.Category == TruthComparer.Check && f.Expected != TruthComparer.NotExpected && f.Ok),
         Fields.Count(f => f.Category == TruthComparer.Check && f.Expected != TruthComparer.NotExpected));

    /// <summary>Errors and warnings blaming the report (cause "report") that the truth does not expect.</summary>
    public int FalseAlarms => Fields.Count(f => f.Category == TruthComparer.Check && f.Expected == TruthComparer.NotExpected);

    /// <summary>Findings of severity doubt: relations failing on a doubtful reading (neither found errors nor false alarms).</summary>
    public int Doubts => Fields.Count(f => f.Category == TruthComparer.Doubt);

    /// <summary>The truth expects no finding at all: a clean sample.</summary>
    public bool Clean => CheckRecall.expected == 0;
}

/// <summary>
/// Compares a record with a ground-truth JSON (corpus-samples/*.truth.json), field by field. The truth holds a
/// subset of the record's JSON (docs/record-format.md); every field it holds is compared, nothing else.
/// Categories: header, table (caption, columns, row STT/label/kind), cell (printed text and typed value of every
/// cell), figure (prose figures as a set of key/value/scope), check (the findings of the checks stage: each expected
/// finding found, each error or warning not expected a false alarm; matched on rule, table, row and column).
/// </summary>
public static class TruthComparer
{
    public const string Header = "header", Table = "table", Cell = "cell", Figure = "figure", Check = "check", Doubt = "doubt";

    /// <summary>The <c>Expected</c> of a check field that is a false alarm (found, not expected).</summary>
    public const string NotExpected = "(none)";

    public const string Missing = "(missing)";

    /// <summary>A cell field whose truth is a figure ("5.661", "68,75", "01") or a typed value: the cells OCR must get exactly right.</summary>
    public static bool IsNumericCell(FieldResult f) =>
        f.Category == Cell && (f.Path.Contains(".values.") || (f.Expected.Length > 0 && Text.NumberParser.ParseCell(f.Expected).Kind is Text.ValueKind.Number or Text.ValueKind.Percent));

    public static Comparison Compare(string file, ReportRecord record, JsonElement truth)
    {
        using var doc = JsonDocument.Parse(RecordJson.Serialize(record));
        var actual = doc.RootElement;
        var fields = new List<FieldResult>();
        if (truth.TryGetProperty("header", out var th))
            foreach (var p in th.EnumerateObject())
                CompareValue(fields, Header, $"header.{p.Name}", p.Value, actual.GetProperty("header").TryGetProperty(p.Name, out var a) ? a : (JsonElement?)null);

        if (truth.TryGetProperty("tables", out var tt))
        {
            var tables = actual.GetProperty("tables");
            var ti = 0;
            foreach (var t in tt.EnumerateArray())
            {
                JsonElement? at = ti < tables.GetArrayLength() ? tables[ti] : null;
                CompareTable(fields, $"tables[{ti}]", t, at);
                ti++;
            }
            fields.Add(new FieldResult(Table, "tables.count", tt.GetArrayLength().ToString(CultureInfo.InvariantCulture), tables.GetArrayLength().ToString(CultureInfo.InvariantCulture)));
        }

        if (truth.TryGetProperty("figures", out var tf))
        {
            static string Key(JsonElement f) => $"{f.GetProperty("key").GetString()}={Num(f.GetProperty("value"))}@{(f.TryGetProperty("scope", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : "")}";
            var expected = tf.EnumerateArray().Select(Key).ToList();
            var got = actual.GetProperty("figures").EnumerateArray().Select(Key).ToList();
            foreach (var e in expected) fields.Add(new FieldResult(Figure, $"figure {e}", e, got.Contains(e) ? e : "(missing)"));
            foreach (var g in got.Where(g => !expected.Contains(g))) fields.Add(new FieldResult(Figure, $"figure {g}", "(none)", g));
        }
        if (truth.TryGetProperty("checks", out var tc)) CompareChecks(fields, record, tc);
        return new Comparison(file, fields);
    }

    /// <summary>A finding as the truth names it: rule, table, row (folded: OCR slips in accents do not count), column.</summary>
    public static string CheckKey(string rule, int? table, string? row, string? column) =>
        $"{rule} table {(table is { } t ? t.ToString(CultureInfo.InvariantCulture) : "-")} row «{(row is null ? "-" : VietText.Fold(row))}» column {column ?? "-"}";

    /// <summary>
    /// Expected findings (error or warning) against the record's: one field per expected finding (found or missing) and
    /// one per error or warning that was not expected (a false alarm). Info findings are never alarms.
    /// </summary>
    private static void CompareChecks(List<FieldResult> fields, ReportRecord record, JsonElement expected)
    {
        // Doubts (a failing relation resting on a doubtful reading) are neither a printed error found nor a false
        // alarm about the document: they are counted apart. An expected finding reported only as a doubt is missing.
        // An error or warning counts only when it blames the report (cause "report"): a finding blaming the reading is a doubt.
        var got = record.Checks.Where(c => c.Severity is Baocao.Checks.Severity.Error or Baocao.Checks.Severity.Warning && c.Cause != Baocao.Checks.Cause.Reading).Select(c => CheckKey(c.Rule, c.Table, c.Row, c.Column)).ToList();
        foreach (var d in record.Checks.Where(c => c.Severity == Baocao.Checks.Severity.Doubt || (c.Cause == Baocao.Checks.Cause.Reading && c.Severity != Baocao.Checks.Severity.Info)))
        {
            var key = CheckKey(d.Rule, d.Table, d.Row, d.Column);
            fields.Add(new FieldResult(Doubt, $"doubt {key}", key, key));
        }
        foreach (var e in expected.EnumerateArray())
        {
            static string? Str(JsonElement o, string name) => o.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
            int? table = e.TryGetProperty("table", out var t) && t.ValueKind == JsonValueKind.Number ? t.GetInt32() : null;
            var key = CheckKey(Str(e, "rule")!, table, Str(e, "row"), Str(e, "column"));
            var found = got.Remove(key);
            fields.Add(new FieldResult(Check, $"check {key}", key, found ? key : Missing));
        }
        foreach (var extra in got) fields.Add(new FieldResult(Check, $"check {extra}", NotExpected, extra));
    }

    private static void CompareTable(List<FieldResult> fields, string path, JsonElement t, JsonElement? a)
    {
        foreach (var p in t.EnumerateObject())
        {
            if (p.Name is "columns" or "rows") continue;
            CompareValue(fields, Table, $"{path}.{p.Name}", p.Value, a is { } x && x.TryGetProperty(p.Name, out var v) ? v : null);
        }
        if (t.TryGetProperty("columns", out var cols))
        {
            var ac = a?.GetProperty("columns");
            var i = 0;
            foreach (var c in cols.EnumerateArray())
            {
                JsonElement? acol = ac is { } arr && i < arr.GetArrayLength() ? arr[i] : null;
                foreach (var p in c.EnumerateObject())
                    CompareValue(fields, Table, $"{path}.columns[{i}].{p.Name}", p.Value, acol is { } x && x.TryGetProperty(p.Name, out var v) ? v : null);
                i++;
            }
        }
        if (t.TryGetProperty("rows", out var rows))
        {
            var ar = a?.GetProperty("rows");
            fields.Add(new FieldResult(Table, $"{path}.rows.count", rows.GetArrayLength().ToString(CultureInfo.InvariantCulture), (ar?.GetArrayLength() ?? 0).ToString(CultureInfo.InvariantCulture)));
            var i = 0;
            foreach (var r in rows.EnumerateArray())
            {
                JsonElement? arow = ar is { } arr && i < arr.GetArrayLength() ? arr[i] : null;
                foreach (var name in new[] { "stt", "label", "kind" })
                    if (r.TryGetProperty(name, out var v))
                        CompareValue(fields, Table, $"{path}.rows[{i}].{name}", v, arow is { } x && x.TryGetProperty(name, out var av) ? av : null);
                if (r.TryGetProperty("cells", out var cells))
                {
                    var acells = arow?.GetProperty("cells");
                    var k = 0;
                    foreach (var c in cells.EnumerateArray())
                    {
                        var got = acells is { } ac && k < ac.GetArrayLength() ? VietText.Clean(ac[k].GetProperty("raw").GetString()) : "(missing)";
                        fields.Add(new FieldResult(Cell, $"{path}.rows[{i}].cells[{k}]", VietText.Clean(c.GetString()), got));
                        k++;
                    }
                }
                if (r.TryGetProperty("values", out var values))
                {
                    var av = arow?.GetProperty("values");
                    foreach (var p in values.EnumerateObject())
                        CompareValue(fields, Cell, $"{path}.rows[{i}].values.{p.Name}", p.Value, av is { } x && x.TryGetProperty(p.Name, out var v) ? v : null);
                }
                i++;
            }
        }
    }

    private static void CompareValue(List<FieldResult> fields, string category, string path, JsonElement expected, JsonElement? actual)
    {
        if (expected.ValueKind == JsonValueKind.Object)
        {
            if (actual is not { ValueKind: JsonValueKind.Object } a)
            {
                foreach (var p in expected.EnumerateObject()) fields.Add(new FieldResult(category, $"{path}.{p.Name}", Show(p.Value), actual is null ? "(missing)" : Show(actual.Value)));
                return;
            }
            foreach (var p in expected.EnumerateObject())
                CompareValue(fields, category, $"{path}.{p.Name}", p.Value, a.TryGetProperty(p.Name, out var v) ? v : null);
            return;
        }
        fields.Add(new FieldResult(category, path, Show(expected), actual is { } x ? Show(x) : "(missing)"));
    }

    /// <summary>Numbers compare by value: a printed "100,00" read as 100.00 equals a truth of 100.</summary>
    private static string Num(JsonElement e) => (e.GetDecimal() / 1.0000000000000000000000000000m).ToString(CultureInfo.InvariantCulture);

    /// <summary>A canonical string form: text NFC-cleaned, numbers as invariant decimals, arrays joined.</summary>
    private static string Show(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Null => "null",
        JsonValueKind.String => VietText.Clean(e.GetString()),
        JsonValueKind.Number => Num(e),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Array => "[" + string.Join(" | ", e.EnumerateArray().Select(Show)) + "]",
        JsonValueKind.Object => "{" + string.Join(", ", e.EnumerateObject().Select(p => $"{p.Name}: {Show(p.Value)}")) + "}",
        _ => e.ToString(),
    };
}
