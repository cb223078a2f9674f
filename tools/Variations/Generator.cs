using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SampleBuilder;

namespace Variations;

/// <summary>One generated document with its truth file (the format of corpus-samples/*.truth.json).</summary>
public sealed record GeneratedVariant(VariantPlan Plan, string File, string TruthFile);

/// <summary>
/// Turns a seed into a document and its truth: the plan (<see cref="Planner"/>), the spec (a corpus sample's, or a
/// synthetic one), the truth drafted from the spec by SampleBuilder, then the producer and the scan.
/// </summary>
public sealed partial class Generator
{
    static readonly object CatalogLock = new();
    static string? catalogLoaded;

    readonly string specDir;
    public IReadOnlyList<string> Samples { get; }

    /// <param name="repoRoot">the folder holding corpus-samples/specs and models/form-catalog.json</param>
    public Generator(string repoRoot)
    {
        specDir = Path.Combine(repoRoot, "corpus-samples", "specs");
        Samples = Directory.Exists(specDir)
            ? Directory.GetFiles(specDir, "*.json").Select(p => Path.GetFileNameWithoutExtension(p)!).Order(StringComparer.Ordinal).ToList()
            : [];
        var catalog = Path.Combine(repoRoot, "models", "form-catalog.json");
        lock (CatalogLock)
            if (catalogLoaded != catalog && File.Exists(catalog)) { Truth.LoadCatalogKeys(catalog); catalogLoaded = catalog; }
    }

    public VariantPlan Plan(int seed) => Planner.Plan(seed, Samples);

    /// <summary>The spec of a plan, as JSON (pure: no file written, no tool run).</summary>
    public JsonObject SpecJson(VariantPlan plan)
    {
        if (plan.Source == Planner.Synthetic) return Synthetic.Spec(plan.Seed, plan);
        var spec = JsonNode.Parse(File.ReadAllText(Path.Combine(specDir, plan.Source + ".json"), Encoding.UTF8),
            documentOptions: new System.Text.Json.JsonDocumentOptions { AllowTrailingCommas = true })!.AsObject();
        spec["name"] = plan.Name;
        // A variant is checked on its own: the findings across reports (14-18 against each other) cannot be expected.
        if (spec["truth"]?["checks"] is JsonArray checks)
            foreach (var c in checks.Where(c => c?["rule"]?.GetValue<string>().StartsWith("reports.", StringComparison.Ordinal) == true).ToList())
                checks.Remove(c);
        return spec;
    }

    /// <summary>The spec and its truth, as written into <paramref name="dir"/> (NAME.spec.json, NAME.truth.json).</summary>
    public (DocSpec spec, JsonObject truth) SpecAndTruth(VariantPlan plan, string dir)
    {
        Directory.CreateDirectory(dir);
        var json = SpecJson(plan);
        var specPath = Path.Combine(dir, plan.Name + ".spec.json");
        File.WriteAllText(specPath, JsonText.Write(json), new UTF8Encoding(false));
        var spec = SpecReader.Read(specPath);
        if (plan.Source == Planner.Synthetic)
            foreach (var t in spec.Blocks.OfType<TableBlock>().Where(t => t.Table.Truth is not null))
                if (Checks.Run(t.Table) is { Count: > 0 } errors)
                    throw new InvalidOperationException($"seed {plan.Seed}: the synthetic table does not add up: {errors[0]}");
        var truth = Truth.Draft(spec);
        if (plan.CommaThousands)
        {
            // Printed with comma thousands ("1,572") and point decimals: the cells' text changes, their values do not.
            foreach (var row in truth["tables"]!.AsArray().SelectMany(t => t!["rows"]!.AsArray()))
            {
                var cells = row!["cells"]!.AsArray();
                for (var i = 0; i < cells.Count; i++) cells[i] = SwapGrouping(cells[i]!.GetValue<string>());
            }
            SwapStrings(json);
            File.WriteAllText(specPath, JsonText.Write(json), new UTF8Encoding(false));
            spec = SpecReader.Read(specPath);
        }
        File.WriteAllText(Path.Combine(dir, plan.Name + ".truth.json"), JsonText.Write(truth), new UTF8Encoding(false));
        return (spec, truth);
    }

    [GeneratedRegex(@"\d+(?:[.,]\d+)+")]
    private static partial Regex GroupedNumber();

    /// <summary>"1.572" ↔ "1,572", "0,64" ↔ "0.64"; dates and document numbers have no such marks.</summary>
    public static string SwapGrouping(string s) =>
        GroupedNumber().Replace(s, m => string.Concat(m.Value.Select(c => c == '.' ? ',' : c == ',' ? '.' : c)));

    // The text of the document body (not its truth block) with the grouping swapped.
    static void SwapStrings(JsonObject spec)
    {
        static JsonNode? Walk(JsonNode? n) => n switch
        {
            JsonObject o => WalkObject(o),
            JsonArray a => WalkArray(a),
            JsonValue v when v.TryGetValue<string>(out var s) => JsonValue.Create(SwapGrouping(s)),
            _ => n,
        };
        static JsonNode WalkObject(JsonObject o)
        {
            foreach (var k in o.Select(kv => kv.Key).ToList())
                if (k != "truth") o[k] = Walk(o[k]?.DeepClone());
            return o;
        }
        static JsonNode WalkArray(JsonArray a)
        {
            for (var i = 0; i < a.Count; i++) a[i] = Walk(a[i]?.DeepClone());
            return a;
        }
        spec["body"] = Walk(spec["body"]!.DeepClone());
    }

    /// <summary>
    /// Generates the document of <paramref name="seed"/> into <paramref name="dir"/>: NAME.docx or NAME.pdf, with
    /// NAME.truth.json and NAME.spec.json beside it. Intermediate files go to a work folder that is removed.
    /// </summary>
    public GeneratedVariant Generate(int seed, string dir)
    {
        var plan = Plan(seed);
        var (spec, _) = SpecAndTruth(plan, dir);
        var work = Path.Combine(dir, ".work-" + seed);
        Directory.CreateDirectory(work);
        try
        {
            var docxBytes = DocxStyle.Apply(DocxWriter.Write(spec), plan.Style);
            string pdf;
            var profile = Path.Combine(work, "profile");
            switch (plan.Producer)
            {
                case Producers.Docx:
                    var docx = Path.Combine(dir, plan.Name + ".docx");
                    File.WriteAllBytes(docx, docxBytes);
                    return new GeneratedVariant(plan, docx, Path.Combine(dir, plan.Name + ".truth.json"));
                case Producers.LoDocx:
                    var src = Path.Combine(work, plan.Name + ".docx");
                    File.WriteAllBytes(src, docxBytes);
                    Render.LibreOffice(src, work, fromHtml: false, profile);
                    pdf = Path.Combine(work, plan.Name + ".pdf");
                    break;
                default:
                    // LibreOffice's HTML import knows no named pages: a landscape section makes the whole print landscape.
                    var landscapeAll = plan.Producer == Producers.LoHtml && spec.Blocks.OfType<SectionBlock>().Any(s => s.Landscape) || spec.Landscape;
                    var html = Path.Combine(work, plan.Name + ".html");
                    File.WriteAllText(html, HtmlWriter.Write(spec, plan.Style, landscapeAll), new UTF8Encoding(false));
                    if (plan.Producer == Producers.LoHtml)
                    {
                        Render.LibreOffice(html, work, fromHtml: true, profile);
                        pdf = Path.Combine(work, plan.Name + ".pdf");
                    }
                    else
                    {
                        pdf = Path.Combine(work, plan.Name + ".pdf");
                        Render.Chromium(html, pdf, profile);
                    }
                    break;
            }
            var target = Path.Combine(dir, plan.Name + ".pdf");
            if (plan.Scan is { } scan) Scanner.Scan(pdf, target, scan, seed, Path.Combine(work, "scan"));
            else File.Copy(pdf, target, overwrite: true);
            return new GeneratedVariant(plan, target, Path.Combine(dir, plan.Name + ".truth.json"));
        }
        finally
        {
            try { Directory.Delete(work, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    /// <summary>The repository root above <paramref name="start"/> (the folder holding corpus-samples/specs), or null.</summary>
    public static string? FindRepoRoot(string start)
    {
        for (var d = new DirectoryInfo(start); d is not null; d = d.Parent)
            if (Directory.Exists(Path.Combine(d.FullName, "corpus-samples", "specs"))) return d.FullName;
        return null;
    }
}
