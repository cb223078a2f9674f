using System.Text;
using SampleBuilder;

// SampleBuilder: builds the test corpus in corpus-samples/ from the specs in corpus-samples/specs/.
//
//   SampleBuilder docx  SPECS OUT            write OUT/NAME.docx for every spec (after the arithmetic checks)
//   SampleBuilder truth SPECS OUT [--write]  draft OUT/NAME.truth.json; a missing file is written, an existing one
//                                            is only compared (exit 3 on a difference) unless --write is given,
//                                            because truth files are hand-checked and regenerated deliberately.
//   SampleBuilder stamp PDF...               fix the export date and trailer ID LibreOffice writes into each PDF,
//                                            so that rebuilding gives the same bytes.
//
//   SampleBuilder legacy SRC.docx DEST.docx tcvn3|vni
//                                            SRC rewritten in TCVN3 (.VnTime/.VnTimeH) or VNI (VNI-Times) fonts.
//
// corpus-samples/build.sh runs both and the PDF conversion.

if (args.Length == 4 && args[0] == "legacy")
{
    LegacyDocx.Write(args[1], args[2], args[3]);
    return 0;
}
if (args.Length >= 2 && args[0] == "stamp")
{
    foreach (var pdf in args.Skip(1)) PdfStamp.Apply(pdf);
    return 0;
}
if (args.Length < 3 || args[0] is not ("docx" or "truth"))
{
    Console.Error.WriteLine("usage: SampleBuilder docx|truth SPECS-DIR OUT-DIR [--write] [--only NAME]  |  SampleBuilder stamp PDF...");
    return 2;
}
var (command, specDir, outDir) = (args[0], args[1], args[2]);
var write = args.Contains("--write");
var onlyIndex = Array.IndexOf(args, "--only");
var only = onlyIndex >= 0 && onlyIndex + 1 < args.Length ? args[onlyIndex + 1] : null;
Directory.CreateDirectory(outDir);
// Column keys come from the form catalog of the column mapper, so specs and the model share one vocabulary.
var catalogPath = Path.GetFullPath(Path.Combine(specDir, "..", "..", "models", "form-catalog.json"));
if (File.Exists(catalogPath)) Truth.LoadCatalogKeys(catalogPath);
else Console.Error.WriteLine($"warning: {catalogPath} not found; only the dossier keys are accepted in table truths");

var specs = Directory.GetFiles(specDir, "*.json").OrderBy(p => p, StringComparer.Ordinal).ToList();
if (specs.Count == 0)
{
    Console.Error.WriteLine($"no specs in {specDir}");
    return 2;
}
var failed = 0;
var differs = 0;
foreach (var path in specs)
{
    DocSpec spec;
    try
    {
        spec = SpecReader.Read(path);
        if (spec.Name + ".json" != Path.GetFileName(path)) throw new SpecException($"name \"{spec.Name}\" does not match the file name");
    }
    catch (Exception e) when (e is SpecException or System.Text.Json.JsonException or InvalidOperationException)
    {
        Console.Error.WriteLine($"{Path.GetFileName(path)}: {e.Message}");
        failed++;
        continue;
    }
    if (only is not null && spec.Name != only) continue;
    try
    {
        if (command == "docx")
        {
            if (!TablesAddUp(spec)) { failed++; continue; }
            var bytes = DocxWriter.Write(spec);
            File.WriteAllBytes(Path.Combine(outDir, spec.Name + ".docx"), bytes);
            Console.WriteLine($"{spec.Name}.docx ({bytes.Length} bytes)");
        }
        else
        {
            var text = JsonText.Write(Truth.Draft(spec));
            var target = Path.Combine(outDir, spec.Name + ".truth.json");
            if (!File.Exists(target) || write)
            {
                var old = File.Exists(target) ? File.ReadAllText(target, Encoding.UTF8) : null;
                File.WriteAllText(target, text, new UTF8Encoding(false));
                Console.WriteLine($"{spec.Name}.truth.json {(old is null ? "written" : old == text ? "unchanged" : "REWRITTEN: review the diff")}");
            }
            else if (File.ReadAllText(target, Encoding.UTF8) != text)
            {
                var draft = Path.Combine(Path.GetTempPath(), spec.Name + ".truth.draft.json");
                File.WriteAllText(draft, text, new UTF8Encoding(false));
                Console.Error.WriteLine($"{spec.Name}.truth.json differs from its spec (draft in {draft}); rerun with --write to replace it deliberately");
                differs++;
            }
            else Console.WriteLine($"{spec.Name}.truth.json unchanged");
        }
    }
    catch (SpecException e)
    {
        Console.Error.WriteLine($"{spec.Name}: {e.Message}");
        failed++;
    }
}
return failed > 0 ? 1 : differs > 0 ? 3 : 0;

// Runs the arithmetic checks of every data table and compares them with the errors the spec says the seed prints.
static bool TablesAddUp(DocSpec spec)
{
    var ok = true;
    var n = 0;
    foreach (var t in spec.Blocks.OfType<TableBlock>().Select(b => b.Table).Where(t => t.Truth is not null))
    {
        n++;
        var found = Checks.Run(t);
        var expected = t.Truth!["expectErrors"]?.AsArray().Select(x => x!.GetValue<string>()).ToList() ?? [];
        foreach (var e in found.Except(expected)) { Console.Error.WriteLine($"{spec.Name} table {n}: {e}"); ok = false; }
        foreach (var e in expected.Except(found)) { Console.Error.WriteLine($"{spec.Name} table {n}: expected error not found: {e}"); ok = false; }
    }
    return ok;
}
