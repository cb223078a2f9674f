using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Baocao.Mapping;

/// <summary>Header wordings of one thing: those training may see, and those kept for the held-out split only.</summary>
public sealed record Wordings(IReadOnlyList<string> Train, IReadOnlyList<string> HeldOut)
{
    public static readonly Wordings None = new([], []);
    public IReadOnlyList<string> For(bool heldOut) => heldOut ? HeldOut : Train;
}

/// <summary>A column role that prints as a null key: the STT, the row label, or any column outside the catalog.</summary>
public sealed record CatalogRole(string Key, string Name, Wordings Flat);

/// <summary>
/// One canonical field. <c>Sums</c> lists the alternative sets of parts a total is printed as ("(3)=(4)+(5)+(6)");
/// <c>Leaf</c> are wordings under a group heading ("Trực tuyến"), <c>Flat</c> wordings that name it alone
/// ("Hồ sơ nhận qua trực tuyến"). Kind: count, pct, flag (0/1) or level.
/// </summary>
public sealed record CatalogField(string Key, string Name, string Kind, IReadOnlyList<IReadOnlyList<string>> Sums, Wordings Leaf, Wordings Flat)
{
    /// <summary>What people read for the key (exports, web interface, check messages): "Tiếp nhận – Tổng số"; null when the catalog gives none.</summary>
    public string? Label { get; init; }

    /// <summary>The same in English (<c>--lang en</c>): "Received – total".</summary>
    public string? LabelEn { get; init; }
}

/// <summary>A check rule's label: "table.total" is "Dòng tổng cộng = tổng các dòng" (English: "Totals row = sum of the rows").</summary>
public sealed record CatalogRule(string Rule, string Label, string LabelEn);

/// <summary>A table type: the keys that may appear together in one table, and the form codes that print it.</summary>
public sealed record CatalogSchema(string Id, string Name, IReadOnlyList<string> Forms, IReadOnlyList<string> Keys);

/// <summary>One column of a printed layout: its key (or role) and its header path, top to bottom.</summary>
public sealed record LayoutColumn(string Key, IReadOnlyList<string> Path);

/// <summary>
/// A printed header structure seen (or known) for a table type. Training data is generated from the layouts of the
/// train split; the held-out split has its own layouts that training never sees. Rows: what the row labels are
/// (fields, agencies, levels). Numbering: formulas "(3)=(4)+(5)+(6)", bare "3=(4+5)", plain "(3)", none.
/// </summary>
public sealed record CatalogLayout(string Id, string Schema, string Split, string Rows, string Numbering, IReadOnlyList<string> Forms, string Source, IReadOnlyList<LayoutColumn> Columns)
{
    public bool HeldOut => Split == "heldout";
}

/// <summary>A catalog file that cannot be used, with the reason in one line.</summary>
public sealed class CatalogException(string path, string reason) : Exception($"{path}: {reason}")
{
    public string FilePath { get; } = path;
    public string Reason { get; } = reason;
}

/// <summary>
/// The form catalog (models/form-catalog.json): forms, canonical fields, their wordings and printed layouts.
/// The source of the column mapper's labelled training data; see models/MODEL-CARD.md.
/// </summary>
public sealed record FormCatalog(
    string Version,
    IReadOnlyList<CatalogRole> Roles,
    IReadOnlyList<CatalogField> Fields,
    IReadOnlyList<CatalogSchema> Schemas,
    IReadOnlyList<Wordings> Headings,
    IReadOnlyList<(string Long, string Short)> Abbreviations,
    IReadOnlyList<CatalogLayout> Layouts)
{
    /// <summary>The labels of the check rules (<c>rules</c> in the file).</summary>
    public IReadOnlyList<CatalogRule> Rules { get; init; } = [];

    public const string Stt = "_stt", Label = "_label", Other = "_other";

    /// <summary>Role keys start with '_' and print as a null key.</summary>
    public static bool IsRole(string key) => key.StartsWith('_');

    public CatalogField Field(string key) => Fields.First(f => f.Key == key);

    public static FormCatalog Load(string path)
    {
        string text;
        try { text = File.ReadAllText(path, Encoding.UTF8); }
        catch (FileNotFoundException) { throw new CatalogException(path, "no such file"); }
        catch (DirectoryNotFoundException) { throw new CatalogException(path, "no such file"); }
        catch (IOException e) { throw new CatalogException(path, $"cannot read the file ({e.Message.TrimEnd('.')})"); }
        return Parse(text, path);
    }

    public static FormCatalog Parse(string json, string path = "(catalog)")
    {
        Dto dto;
        try
        {
            dto = JsonSerializer.Deserialize<Dto>(json, new JsonSerializerOptions { PropertyNameCaseInsensitive = true, ReadCommentHandling = JsonCommentHandling.Skip })
                  ?? throw new CatalogException(path, "empty catalog");
        }
        catch (JsonException e) { throw new CatalogException(path, $"not valid JSON ({e.Message.Split('\n')[0]})"); }

        static Wordings W(WordingsDto? w) => w is null ? Wordings.None : new(w.Train ?? [], w.HeldOut ?? []);
        var catalog = new FormCatalog(
            dto.Version ?? throw new CatalogException(path, "missing \"version\""),
            (dto.Roles ?? []).Select(r => new CatalogRole(r.Key ?? "", r.Name ?? "", W(r.Flat))).ToList(),
            (dto.Fields ?? []).Select(f => new CatalogField(f.Key ?? "", f.Name ?? "", f.Kind ?? "count",
                (f.Sums ?? []).Select(s => (IReadOnlyList<string>)s).ToList(), W(f.Leaf), W(f.Flat)) { Label = f.Label, LabelEn = f.LabelEn }).ToList(),
            (dto.Schemas ?? []).Select(s => new CatalogSchema(s.Id ?? "", s.Name ?? "", s.Forms ?? [], s.Keys ?? [])).ToList(),
            (dto.Headings ?? []).Select(W).ToList(),
            (dto.Abbreviations ?? []).Select(a => a.Count == 2 ? (a[0], a[1]) : throw new CatalogException(path, "an abbreviation must be [long, short]")).ToList(),
            (dto.Layouts ?? []).Select(l => new CatalogLayout(l.Id ?? "", l.Schema ?? "", l.Split ?? "train", l.Rows ?? "fields", l.Numbering ?? "plain",
                l.Forms ?? [], l.Source ?? "",
                (l.Columns ?? []).Select(c => c.Count >= 2 ? new LayoutColumn(c[0], c.Skip(1).ToList())
                    : throw new CatalogException(path, $"layout {l.Id}: a column needs a key and at least one header level")).ToList())).ToList())
        {
            Rules = (dto.Rules ?? []).Select(x => new CatalogRule(x.Rule ?? "", x.Label ?? "", x.LabelEn ?? "")).ToList(),
        };
        catalog.Validate(path, json);
        return catalog;
    }

    /// <summary>Everything a mistake in the file could break, each with a one-line reason.</summary>
    private void Validate(string path, string json)
    {
        void Fail(string reason) => throw new CatalogException(path, reason);
        if (!json.IsNormalized(NormalizationForm.FormC)) Fail("text is not NFC");
        var roleKeys = Roles.Select(r => r.Key).ToList();
        foreach (var k in new[] { Stt, Label, Other })
            if (!roleKeys.Contains(k)) Fail($"missing role {k}");
        var keys = new HashSet<string>();
        foreach (var f in Fields)
        {
            if (f.Key.Length == 0 || IsRole(f.Key)) Fail($"bad field key \"{f.Key}\"");
            if (!keys.Add(f.Key)) Fail($"field {f.Key} defined twice");
            if (f.Kind is not ("count" or "pct" or "flag" or "level")) Fail($"field {f.Key}: unknown kind {f.Kind}");
            if (f.Leaf.Train.Count == 0 && f.Flat.Train.Count == 0) Fail($"field {f.Key}: no training wording");
            if (f.Label is { } l && l.Trim().Length == 0) Fail($"field {f.Key}: empty label");
        }
        foreach (var f in Fields)
            foreach (var s in f.Sums)
            {
                if (s.Count < 2) Fail($"field {f.Key}: a sum needs two parts or more");
                foreach (var p in s)
                    if (!keys.Contains(p)) Fail($"field {f.Key}: sum part {p} is not a field");
            }
        var schemaIds = new HashSet<string>();
        foreach (var s in Schemas)
        {
            if (!schemaIds.Add(s.Id)) Fail($"schema {s.Id} defined twice");
            foreach (var k in s.Keys)
                if (!keys.Contains(k)) Fail($"schema {s.Id}: key {k} is not a field");
            if (s.Keys.Distinct().Count() != s.Keys.Count) Fail($"schema {s.Id}: a key is listed twice");
        }
        foreach (var k in keys)
            if (!Schemas.Any(s => s.Keys.Contains(k))) Fail($"field {k} belongs to no schema");
        var layoutIds = new HashSet<string>();
        foreach (var l in Layouts)
        {
            if (!layoutIds.Add(l.Id)) Fail($"layout {l.Id} defined twice");
            var schema = Schemas.FirstOrDefault(s => s.Id == l.Schema);
            if (schema is null) { Fail($"layout {l.Id}: unknown schema {l.Schema}"); return; }
            if (l.Split is not ("train" or "heldout")) Fail($"layout {l.Id}: split must be train or heldout");
            if (l.Numbering is not ("formulas" or "bare" or "plain" or "none")) Fail($"layout {l.Id}: unknown numbering {l.Numbering}");
            if (l.Rows is not ("fields" or "agencies" or "levels")) Fail($"layout {l.Id}: unknown rows {l.Rows}");
            foreach (var c in l.Columns)
            {
                if (IsRole(c.Key) ? !roleKeys.Contains(c.Key) : !schema.Keys.Contains(c.Key)) Fail($"layout {l.Id}: key {c.Key} is not in schema {l.Schema}");
                if (c.Path.Any(p => p.Trim().Length == 0)) Fail($"layout {l.Id}: empty header level in column {c.Key}");
            }
            var real = l.Columns.Where(c => !IsRole(c.Key)).Select(c => c.Key).ToList();
            if (real.Distinct().Count() != real.Count) Fail($"layout {l.Id}: a key is used by two columns");
        }
        foreach (var s in Schemas)
            if (!Layouts.Any(l => l.Schema == s.Id && !l.HeldOut)) Fail($"schema {s.Id} has no training layout");
        var ruleNames = new HashSet<string>();
        foreach (var x in Rules)
        {
            if (!ruleNames.Add(x.Rule)) Fail($"rule {x.Rule} labelled twice");
            if (x.Label.Trim().Length == 0 || x.LabelEn.Trim().Length == 0) Fail($"rule {x.Rule}: a rule needs a label and a labelEn");
        }
    }

    private sealed class Dto
    {
        public string? Version { get; set; }
        public List<RoleDto>? Roles { get; set; }
        public List<FieldDto>? Fields { get; set; }
        public List<SchemaDto>? Schemas { get; set; }
        public List<RuleDto>? Rules { get; set; }
        public List<WordingsDto>? Headings { get; set; }
        public List<List<string>>? Abbreviations { get; set; }
        public List<LayoutDto>? Layouts { get; set; }
    }

    private sealed class WordingsDto
    {
        public List<string>? Train { get; set; }
        [JsonPropertyName("heldout")] public List<string>? HeldOut { get; set; }
    }

    private sealed class RoleDto
    {
        public string? Key { get; set; }
        public string? Name { get; set; }
        public WordingsDto? Flat { get; set; }
    }

    private sealed class FieldDto
    {
        public string? Key { get; set; }
        public string? Name { get; set; }
        public string? Kind { get; set; }
        public List<List<string>>? Sums { get; set; }
        public WordingsDto? Leaf { get; set; }
        public string? Label { get; set; }
        public string? LabelEn { get; set; }
        public WordingsDto? Flat { get; set; }
    }

    private sealed class SchemaDto
    {
        public string? Id { get; set; }
        public string? Name { get; set; }
        public List<string>? Forms { get; set; }
        public List<string>? Keys { get; set; }
    }

    private sealed class LayoutDto
    {
        public string? Id { get; set; }
        public string? Schema { get; set; }
        public string? Split { get; set; }
        public string? Rows { get; set; }
        public string? Numbering { get; set; }
        public List<string>? Forms { get; set; }
        public string? Source { get; set; }
        public List<List<string>>? Columns { get; set; }
    }

    private sealed class RuleDto
    {
        public string? Rule { get; set; }
        public string? Label { get; set; }
        public string? LabelEn { get; set; }
    }
}
