using System.Text.RegularExpressions;

namespace Baocao.Tests.Architecture;

/// <summary>
/// Inside an assembly the compiler allows any loop between folders (namespaces); this test holds them to the stage order.
/// A namespace depends on another when one of its files has `using Baocao.X;` or names `X.Something` (the qualified form
/// used inside the Baocao namespace), read from the source, comments and strings removed. Written by hand: Roslyn's
/// semantic model would be exact but would add a compiler package to the tests for one check.
/// </summary>
public partial class NamespaceLayerTests
{
    /// <summary>Inner stages first. A namespace may depend on its own rank or lower; a dependency on a higher rank is a
    /// call back up the pipeline (or half of a loop) and must be in <see cref="KnownBackEdges"/>.</summary>
    internal static readonly IReadOnlyDictionary<string, int> Rank = new Dictionary<string, int>
    {
        // the model, then the reading stages (a scanned page's OCR among them), then interpretation, and the checks and a scan's record repairs after it
        ["Text"] = 0, ["Documents"] = 1, ["Tables"] = 2, ["Reports"] = 2, ["Layout"] = 3, ["Ocr"] = 3, ["Readers"] = 4,
        ["Header"] = 5, ["Figures"] = 6, ["Mapping"] = 6, ["Interpretation"] = 7, ["Checks"] = 8, ["Repairs"] = 8, ["Output"] = 9,
        // the adapters, the wiring, the index, ingest, the front ends' pages, the tools (tools/Baocao.Tools) and the CLI that calls them
        ["Native"] = 10, ["Native.Ocr"] = 10, ["Pipeline"] = 11,
        ["Index"] = 12, ["Index.Elastic"] = 12, ["Ingest"] = 13, ["Web"] = 14, ["Web.Html"] = 14,
        ["Tools"] = 15, ["Tools.Bench"] = 15, ["Tools.Evaluation"] = 15, ["Tools.Training"] = 15, ["Tools.Fuzz"] = 15, ["Tools.Synthetic"] = 15,
        ["Cli"] = 16, ["Cli.Commands"] = 16,
    };

    /// <summary>The back-edges of 2026-12-03 (issue 15 lists them as loops to break). The list only shrinks: an edge that no
    /// longer exists fails the test too, so that it is deleted here and cannot come back unseen.</summary>
    internal static readonly HashSet<string> KnownBackEdges =
    [
        "Documents -> Tables",       // DocumentContent's TableBlock holds a CellGrid
        "Text -> Documents",         // LegacyText rewrites whole documents
        "Text -> Tables",            // ... and their cell grids
        "Tables -> Layout",          // the table detectors use LineSegmenter and WordText; PageLayoutAnalyzer runs the detectors
        "Output -> Index",           // RowExport and the search renderers render Index.SearchResult
    ];

    [Fact]
    public void No_namespace_depends_on_a_later_stage_beyond_the_known_back_edges()
    {
        var edges = Edges();
        var unknown = edges.Keys.Where(e => !KnownBackEdges.Contains(e)).Where(IsBackEdge).Order(StringComparer.Ordinal).ToList();
        Assert.True(unknown.Count == 0, "new back-edges (a stage naming a later one): " + string.Join("; ", unknown.Select(e => $"{e} ({edges[e]})")));
    }

    [Fact]
    public void Every_known_back_edge_still_exists()
    {
        var edges = Edges();
        var gone = KnownBackEdges.Where(e => !edges.ContainsKey(e)).Order(StringComparer.Ordinal).ToList();
        Assert.True(gone.Count == 0, "broken loops, delete them from KnownBackEdges: " + string.Join("; ", gone));
    }

    [Fact]
    public void Every_namespace_has_a_rank()
    {
        var names = Edges().Keys.SelectMany(e => e.Split(" -> ")).Distinct();
        var missing = names.Where(n => !Rank.ContainsKey(n)).ToList();
        Assert.True(missing.Count == 0, "namespaces without a rank: " + string.Join(", ", missing));
    }

    static bool IsBackEdge(string edge)
    {
        var p = edge.Split(" -> ");
        return Rank.TryGetValue(p[0], out var from) && Rank.TryGetValue(p[1], out var to) && to > from;
    }

    /// <summary>Namespace edges "From -> To" (without the Baocao. prefix), each with one file that makes it.</summary>
    internal static Dictionary<string, string> Edges()
    {
        var root = Corpus.CorpusTests.RepoRoot();
        var names = Rank.Keys.Where(k => !k.Contains('.', StringComparison.Ordinal)).ToHashSet();
        var edges = new Dictionary<string, string>();
        // The product's sources and the tools' (tools/Baocao.Tools; the corpus builders there are not in namespace Baocao).
        var files = new[] { "src", "tools/Baocao.Tools" }.Select(d => Path.Combine(root, d)).Where(Directory.Exists)
            .SelectMany(d => Directory.EnumerateFiles(d, "*.cs", SearchOption.AllDirectories));
        foreach (var file in files)
        {
            var rel = Path.GetRelativePath(root, file);
            if (rel.Contains("/obj/", StringComparison.Ordinal) || rel.Contains("/bin/", StringComparison.Ordinal)) continue;
            var text = Strip(File.ReadAllText(file));
            var ns = NamespaceDecl().Match(text);
            if (!ns.Success) continue;
            var from = ns.Groups[1].Value;
            var targets = new HashSet<string>(StringComparer.Ordinal);
            foreach (Match u in UsingDecl().Matches(text)) targets.Add(u.Groups[1].Value);
            foreach (Match q in Qualified().Matches(text))
                if (names.Contains(q.Groups[1].Value)) targets.Add(q.Groups[2].Success && Rank.ContainsKey(q.Groups[1].Value + "." + q.Groups[2].Value) ? q.Groups[1].Value + "." + q.Groups[2].Value : q.Groups[1].Value);
            foreach (var to in targets)
                if (to != from && !from.StartsWith(to + ".", StringComparison.Ordinal))
                    edges.TryAdd($"{from} -> {to}", rel);
        }
        return edges;
    }

    static string Strip(string s) => Comments().Replace(s, m => m.Value.StartsWith('"') || m.Value.StartsWith('@') || m.Value.StartsWith('$') ? "\"\"" : " ");

    [GeneratedRegex(@"^namespace Baocao\.([\w.]+)\s*[;{]", RegexOptions.Multiline)]
    private static partial Regex NamespaceDecl();

    [GeneratedRegex(@"^\s*using (?:static )?Baocao\.([\w.]+);", RegexOptions.Multiline)]
    private static partial Regex UsingDecl();

    // A name such as Interpretation.TableInterpreter or Native.Ocr.Pix, not preceded by a dot or a word character.
    [GeneratedRegex(@"(?<![\w.])([A-Z]\w*)\.(?:([A-Z]\w*)\.)?[A-Z]\w*")]
    private static partial Regex Qualified();

    [GeneratedRegex(@"//[^\n]*|/\*.*?\*/|[$@]*""(?:\\.|[^""\\\n])*""", RegexOptions.Singleline)]
    private static partial Regex Comments();
}
