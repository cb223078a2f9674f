using System.Text;
using System.Text.Json.Nodes;

namespace SampleBuilder;

// The spec of one sample document, read from corpus-samples/specs/NN-name.json.
// Specs are data so that a reviewer can compare a spec with the seed text and with the truth file
// without reading C#. The grammar is documented in corpus-samples/specs/README.md.

/// <summary>One run of text inside a paragraph.</summary>
public sealed record RunSpec(string Text, bool Bold, bool Italic, bool Underline, bool Superscript, List<ParaSpec>? Footnote);

/// <summary>A paragraph: runs plus layout. Null properties inherit the defaults of the context (body, frame, table cell).</summary>
public sealed class ParaSpec
{
    public List<RunSpec> Runs { get; } = [];
    public string? Align;          // left, center, right, both
    public bool? Bold, Italic, Underline;
    public double? Size;           // points
    public double? Indent;         // first-line indent, cm
    public double? IndentLeft;     // left indent, cm
    public double? Before, After;  // spacing, points
    public double? Line;           // line spacing multiple
    public bool KeepNext;
    public List<(double Pos, string Align)> Tabs { get; } = [];

    /// <summary>The plain text of the paragraph as printed (footnote marks excluded).</summary>
    public string PlainText => string.Concat(Runs.Where(r => r.Footnote is null).Select(r => r.Text));
}

/// <summary>A cell of a table row, as placed in the grid.</summary>
public sealed class CellSpec
{
    public List<ParaSpec> Paras { get; } = [];
    public int Span = 1;            // gridSpan
    public bool MergeUp;            // continues a vertical merge from the cell above ("^" in the spec)
    public bool MergeStart;         // set by the builder when the cell below continues this one
    public string? Align;
    public bool? Bold, Italic;

    /// <summary>Printed text: the cell's paragraphs joined by one space.</summary>
    public string Text => string.Join(" ", Paras.Select(p => p.PlainText)).Trim();
}

public sealed class RowSpec
{
    public List<CellSpec> Cells { get; } = [];
    public bool? Bold;
    public string? Kind;            // overrides the drafted row kind in the truth
}

public sealed class TableSpec
{
    public List<double> Widths { get; } = [];   // cm per grid column
    public bool Borders = true;
    public double? Size;
    public int HeaderRows;          // header rows above the column-number row
    public bool NumberRow;          // a "(1) (2) (3)=..." row follows the header rows
    public bool Repeat;             // mark the header rows (and number row) as repeating on each page (w:tblHeader)
    public List<string> ColumnAlign { get; } = [];   // per grid column for body cells: l, c, r
    public List<RowSpec> Rows { get; } = [];
    public JsonObject? Truth;       // present on data tables: form, title, section, unit, period, units, keys
}

public sealed class FrameSpec
{
    public List<double> Widths { get; } = [];
    public List<List<ParaSpec>> Columns { get; } = [];
}

public abstract record Block;
public sealed record ParaBlock(ParaSpec Para) : Block;
public sealed record PageBreakBlock : Block;
public sealed record SectionBlock(bool Landscape, double[]? Margins) : Block;
public sealed record FrameBlock(FrameSpec Frame) : Block;
public sealed record TableBlock(TableSpec Table) : Block;

public sealed class DocSpec
{
    public required string Name;
    public string Font = "Times New Roman";
    public double Size = 14;
    public double TableSize = 12;
    public bool Landscape;              // orientation of the first section
    public double[]? Margins;           // first section's margins, cm: top, right, bottom, left (null: Nghị định 30 defaults)
    public List<Block> Blocks { get; } = [];
    public required JsonObject Truth;   // header and figures, written by hand
}

/// <summary>Reads a spec file into the model above, rejecting anything it does not understand.</summary>
public static class SpecReader
{
    public static DocSpec Read(string path)
    {
        var root = JsonNode.Parse(File.ReadAllText(path, Encoding.UTF8),
            documentOptions: new System.Text.Json.JsonDocumentOptions { CommentHandling = System.Text.Json.JsonCommentHandling.Skip, AllowTrailingCommas = true })!.AsObject();
        CheckNfc(root, "$");
        var spec = new DocSpec
        {
            Name = Req(root, "name").GetValue<string>(),
            Truth = Req(root, "truth").AsObject(),
        };
        if (root["font"] is { } f) spec.Font = f.GetValue<string>();
        if (root["size"] is { } s) spec.Size = s.GetValue<double>();
        if (root["tableSize"] is { } ts) spec.TableSize = ts.GetValue<double>();
        if (root["landscape"] is { } l) spec.Landscape = l.GetValue<bool>();
        if (root["margins"] is JsonArray m) spec.Margins = Margins(m);
        foreach (var b in Req(root, "body").AsArray()) spec.Blocks.Add(ReadBlock(b!));
        return spec;
    }

    // Every string in a spec must already be NFC: the truth promises NFC, and the document text must match it.
    static void CheckNfc(JsonNode? node, string where)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (k, v) in o) CheckNfc(v, where + "." + k);
                break;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++) CheckNfc(a[i], $"{where}[{i}]");
                break;
            case JsonValue v when v.TryGetValue<string>(out var s):
                if (!s.IsNormalized(NormalizationForm.FormC)) throw new SpecException($"{where}: text is not NFC: {s}");
                break;
        }
    }

    static JsonNode Req(JsonObject o, string key) => o[key] ?? throw new SpecException($"missing \"{key}\"");

    static Block ReadBlock(JsonNode node)
    {
        if (node is JsonValue) return new ParaBlock(ReadPara(node));
        var o = node.AsObject();
        if (o.ContainsKey("p")) return new ParaBlock(ReadPara(o));
        if (o.ContainsKey("pageBreak")) return new PageBreakBlock();
        if (o["section"] is { } sec)
            return new SectionBlock(sec["orientation"]?.GetValue<string>() == "landscape", sec["margins"] is JsonArray m ? Margins(m) : null);
        if (o["frame"] is { } fr) return new FrameBlock(ReadFrame(fr.AsObject()));
        if (o["table"] is { } tb) return new TableBlock(ReadTable(tb.AsObject()));
        throw new SpecException("unknown block: " + o.ToJsonString());
    }

    static double[] Margins(JsonArray m) =>
        m.Count == 4 ? m.Select(x => x!.GetValue<double>()).ToArray() : throw new SpecException("margins: give top, right, bottom, left in cm");

    static FrameSpec ReadFrame(JsonObject o)
    {
        var f = new FrameSpec();
        foreach (var w in Req(o, "widths").AsArray()) f.Widths.Add(w!.GetValue<double>());
        foreach (var col in Req(o, "cols").AsArray())
            f.Columns.Add(col!.AsArray().Select(p => ReadPara(p!)).ToList());
        if (f.Widths.Count != f.Columns.Count) throw new SpecException("frame: widths and cols differ in count");
        return f;
    }

    static TableSpec ReadTable(JsonObject o)
    {
        var t = new TableSpec();
        foreach (var w in Req(o, "widths").AsArray()) t.Widths.Add(w!.GetValue<double>());
        if (o["borders"] is { } b) t.Borders = b.GetValue<string>() != "none";
        if (o["size"] is { } s) t.Size = s.GetValue<double>();
        if (o["header"] is { } h) t.HeaderRows = h.GetValue<int>();
        if (o["numberRow"] is { } nr) t.NumberRow = nr.GetValue<bool>();
        if (o["repeat"] is { } rp) t.Repeat = rp.GetValue<bool>();
        if (o["align"] is { } al) t.ColumnAlign.AddRange(al.GetValue<string>().Split(' ', StringSplitOptions.RemoveEmptyEntries));
        if (o["truth"] is { } tr) t.Truth = tr.AsObject();
        foreach (var r in Req(o, "rows").AsArray()) t.Rows.Add(ReadRow(r!));
        Validate(t);
        return t;
    }

    static RowSpec ReadRow(JsonNode node)
    {
        var row = new RowSpec();
        JsonArray cells;
        if (node is JsonArray a) cells = a;
        else
        {
            var o = node.AsObject();
            cells = Req(o, "cells").AsArray();
            if (o["b"] is { } b) row.Bold = b.GetValue<bool>();
            if (o["kind"] is { } k) row.Kind = k.GetValue<string>();
        }
        foreach (var c in cells) row.Cells.Add(ReadCell(c!));
        return row;
    }

    static CellSpec ReadCell(JsonNode node)
    {
        var c = new CellSpec();
        if (node is JsonValue v && v.GetValue<string>() == "^") { c.MergeUp = true; return c; }
        if (node is JsonValue) { c.Paras.AddRange(SplitLines(node.GetValue<string>())); return c; }
        var o = node.AsObject();
        if (o["span"] is { } sp) c.Span = sp.GetValue<int>();
        if (o["up"] is { } up) c.MergeUp = up.GetValue<bool>();
        if (o["align"] is { } al) c.Align = al.GetValue<string>();
        if (o["b"] is { } b) c.Bold = b.GetValue<bool>();
        if (o["i"] is { } i) c.Italic = i.GetValue<bool>();
        if (o["t"] is { } t) c.Paras.AddRange(SplitLines(t.GetValue<string>()));
        if (o["p"] is JsonArray ps) c.Paras.AddRange(ps.Select(p => ReadPara(p!)));
        return c;
    }

    // "\n" inside a cell string starts a new paragraph in the cell, the way a typist breaks a header.
    static IEnumerable<ParaSpec> SplitLines(string s) => s.Split('\n').Select(line => ReadPara(JsonValue.Create(line)!));

    public static ParaSpec ReadPara(JsonNode node)
    {
        var p = new ParaSpec();
        if (node is JsonValue)
        {
            AddText(p, node.GetValue<string>(), false, false, false, false);
            return p;
        }
        var o = node.AsObject();
        var bold = o["b"]?.GetValue<bool>();
        var italic = o["i"]?.GetValue<bool>();
        var under = o["u"]?.GetValue<bool>();
        p.Bold = bold; p.Italic = italic; p.Underline = under;
        p.Align = o["align"]?.GetValue<string>();
        p.Size = o["size"]?.GetValue<double>();
        p.Indent = o["indent"]?.GetValue<double>();
        p.IndentLeft = o["left"]?.GetValue<double>();
        p.Before = o["before"]?.GetValue<double>();
        p.After = o["after"]?.GetValue<double>();
        p.Line = o["line"]?.GetValue<double>();
        p.KeepNext = o["keepNext"]?.GetValue<bool>() ?? false;
        if (o["tabs"] is JsonArray tabs)
            foreach (var t in tabs) p.Tabs.Add((t![0]!.GetValue<double>(), t[1]!.GetValue<string>()));
        var content = Req(o, "p");
        if (content is JsonValue) AddText(p, content.GetValue<string>(), false, false, false, false);
        else
            foreach (var r in content.AsArray())
            {
                if (r is JsonValue) { AddText(p, r.GetValue<string>(), false, false, false, false); continue; }
                var ro = r!.AsObject();
                if (ro["fn"] is { } fn)
                {
                    var paras = fn is JsonArray fa ? fa.Select(x => ReadPara(x!)).ToList() : [ReadPara(fn)];
                    p.Runs.Add(new RunSpec("", false, false, false, true, paras));
                    continue;
                }
                AddText(p, Req(ro, "t").GetValue<string>(), ro["b"]?.GetValue<bool>() ?? false, ro["i"]?.GetValue<bool>() ?? false,
                    ro["u"]?.GetValue<bool>() ?? false, ro["sup"]?.GetValue<bool>() ?? false);
            }
        return p;
    }

    static void AddText(ParaSpec p, string text, bool b, bool i, bool u, bool sup) => p.Runs.Add(new RunSpec(text, b, i, u, sup, null));

    // Catches spec mistakes early: every row must fill the grid exactly, and "^" must sit under a cell of the same span.
    static void Validate(TableSpec t)
    {
        var n = t.Widths.Count;
        for (var r = 0; r < t.Rows.Count; r++)
        {
            var width = t.Rows[r].Cells.Sum(c => c.Span);
            if (width != n) throw new SpecException($"table row {r}: cells cover {width} grid columns, grid has {n}: {string.Join(" | ", t.Rows[r].Cells.Select(c => c.MergeUp ? "^" : c.Text))}");
        }
        for (var r = 0; r < t.Rows.Count; r++)
        {
            var col = 0;
            foreach (var c in t.Rows[r].Cells)
            {
                if (c.MergeUp)
                {
                    if (r == 0) throw new SpecException("table: \"^\" in the first row");
                    var above = CellAt(t.Rows[r - 1], col) ?? throw new SpecException($"table row {r}: \"^\" not aligned with a cell above");
                    if (above.Span != c.Span) throw new SpecException($"table row {r}: \"^\" span differs from the cell above");
                    above.MergeStart = !above.MergeUp;
                }
                col += c.Span;
            }
        }
    }

    /// <summary>The cell that starts at grid column <paramref name="col"/>, or null.</summary>
    public static CellSpec? CellAt(RowSpec row, int col)
    {
        var x = 0;
        foreach (var c in row.Cells)
        {
            if (x == col) return c;
            x += c.Span;
        }
        return null;
    }
}

public sealed class SpecException(string message) : Exception(message);
