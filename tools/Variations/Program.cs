using Variations;

// Variations: generates variants of the corpus samples and synthetic reports, each with its truth file.
//
//   Variations --seed S [--count N] --out DIR [--plan]
//
// Seeds S .. S+N-1, one document each (NAME.docx or NAME.pdf, NAME.truth.json, NAME.spec.json) in DIR.
// --plan only prints what each seed would make. `baocao eval --sweep` generates and scores in one go.
var seed = 1;
var count = 1;
string? outDir = null;
var planOnly = false;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--seed" when i + 1 < args.Length: seed = int.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture); break;
        case "--count" when i + 1 < args.Length: count = int.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture); break;
        case "--out" when i + 1 < args.Length: outDir = args[++i]; break;
        case "--plan": planOnly = true; break;
        default:
            Console.Error.WriteLine("usage: Variations --seed S [--count N] --out DIR [--plan]");
            return 2;
    }
}
var root = Generator.FindRepoRoot(Directory.GetCurrentDirectory()) ?? Generator.FindRepoRoot(AppContext.BaseDirectory);
if (root is null) { Console.Error.WriteLine("error: corpus-samples/specs not found above the current folder"); return 2; }
var gen = new Generator(root);
if (planOnly)
{
    for (var s = seed; s < seed + count; s++) Console.WriteLine(gen.Plan(s));
    return 0;
}
if (outDir is null) { Console.Error.WriteLine("error: --out DIR is required"); return 2; }
var failed = 0;
for (var s = seed; s < seed + count; s++)
{
    try
    {
        var v = gen.Generate(s, outDir);
        Console.WriteLine($"{Path.GetFileName(v.File)}  [{v.Plan.Bucket}]  {v.Plan}");
    }
    catch (ToolException e)
    {
        Console.Error.WriteLine($"error: seed {s}: {e.Message}");
        failed++;
    }
}
return failed > 0 ? 1 : 0;
