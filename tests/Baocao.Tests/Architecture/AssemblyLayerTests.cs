using System.Reflection;

namespace Baocao.Tests.Architecture;

/// <summary>
/// The product's assemblies reference each other in one direction only, inner layers first. The compiler already refuses
/// a loop between two projects; this test also refuses an edge that goes outward without a loop (the model naming the
/// index, a stage naming a native adapter), which the compiler would accept as soon as someone adds the project reference.
/// </summary>
public class AssemblyLayerTests
{
    /// <summary>Each product assembly and the Baocao assemblies it may reference. A new edge is a design decision: add it here
    /// only when it points inward (toward the model).</summary>
    internal static readonly IReadOnlyDictionary<string, string[]> Allowed = new Dictionary<string, string[]>
    {
        ["Baocao.Model"] = [],
        ["Baocao.Extraction"] = ["Baocao.Model"],
        ["Baocao.Native"] = ["Baocao.Model", "Baocao.Extraction"],
        ["Baocao.Pipeline"] = ["Baocao.Model", "Baocao.Extraction", "Baocao.Native"],
        ["Baocao.Index"] = ["Baocao.Model", "Baocao.Extraction"],
        ["Baocao.Ingest"] = ["Baocao.Model", "Baocao.Extraction", "Baocao.Native", "Baocao.Pipeline", "Baocao.Index"],
        ["Baocao.Web"] = ["Baocao.Model", "Baocao.Extraction", "Baocao.Native", "Baocao.Index"],
        ["Baocao.Cli"] = ["Baocao.Model", "Baocao.Extraction", "Baocao.Native", "Baocao.Pipeline", "Baocao.Index", "Baocao.Ingest", "Baocao.Web", "Baocao.Tools", "Variations", "SampleBuilder"],
    };

    public static TheoryData<string> Assemblies() => new(Allowed.Keys);

    [Theory]
    [MemberData(nameof(Assemblies))]
    public void References_only_inner_layers(string name)
    {
        var asm = Assembly.Load(new AssemblyName(name));
        var ours = asm.GetReferencedAssemblies().Select(a => a.Name!)
            .Where(n => n.StartsWith("Baocao.", StringComparison.Ordinal) || n is "Variations" or "SampleBuilder")
            .ToList();
        var outward = ours.Except(Allowed[name]).ToList();
        Assert.True(outward.Count == 0, $"{name} references {string.Join(", ", outward)}, which is not an inner layer of it");
    }

    [Fact]
    public void The_allowed_table_has_no_loop()
    {
        // A table that allowed A -> B and B -> A would let the test above pass on a loop the compiler then refuses late.
        var state = new Dictionary<string, int>();
        bool Visit(string n)
        {
            if (state.TryGetValue(n, out var s)) return s == 2;
            state[n] = 1;
            foreach (var m in Allowed.GetValueOrDefault(n, [])) if (!Visit(m)) return false;
            state[n] = 2;
            return true;
        }
        Assert.All(Allowed.Keys, n => Assert.True(Visit(n), $"the allowed references loop through {n}"));
    }

    [Fact]
    public void Every_product_project_is_in_the_table()
    {
        var src = Path.Combine(Corpus.CorpusTests.RepoRoot(), "src");
        var projects = Directory.GetDirectories(src).Select(Path.GetFileName).Where(d => File.Exists(Path.Combine(src, d!, d + ".csproj")));
        Assert.Equal(projects.Order(StringComparer.Ordinal), Allowed.Keys.Order(StringComparer.Ordinal));
    }
}
