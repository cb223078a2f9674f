using System.Reflection;

namespace Baocao.Tests.Architecture;

/// <summary>
/// Benchmarks, training, evaluation, synthetic data and the fuzzer live in tools/Baocao.Tools (issue 15): the CLI's verbs
/// may call them, the product assemblies neither reference them nor hold a copy of them.
/// </summary>
public class ToolsLayerTests
{
    const string ToolsAssembly = "Baocao.Tools";

    /// <summary>The product: every layer but the CLI, which is the one front end allowed to call the tools.</summary>
    public static TheoryData<string> Product() => new(AssemblyLayerTests.Allowed.Keys.Where(k => k != "Baocao.Cli"));

    // The namespaces the tools had inside the product before they moved: none may come back.
    static readonly string[] FormerToolNamespaces = ["Baocao.Evaluation", "Baocao.Mapping.Training", "Baocao.Cli.Fuzz"];

    [Theory]
    [MemberData(nameof(Product))]
    public void A_product_assembly_references_no_tool(string name)
    {
        var refs = Assembly.Load(new AssemblyName(name)).GetReferencedAssemblies().Select(a => a.Name!).ToList();
        var tools = refs.Where(n => n is ToolsAssembly or "Variations" or "SampleBuilder").ToList();
        Assert.True(tools.Count == 0, $"{name} references {string.Join(", ", tools)}");
    }

    [Theory]
    [MemberData(nameof(Product))]
    public void A_product_assembly_holds_no_tool_type(string name)
    {
        var toolTypes = Assembly.Load(new AssemblyName(ToolsAssembly)).GetTypes().Where(t => t.IsPublic).Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        var types = Assembly.Load(new AssemblyName(name)).GetTypes().Where(t => t.Namespace is not null).ToList();
        var misplaced = types.Where(t => t.Namespace!.StartsWith("Baocao.Tools", StringComparison.Ordinal)
                || FormerToolNamespaces.Any(n => t.Namespace == n || t.Namespace!.StartsWith(n + ".", StringComparison.Ordinal)))
            // A public type of the tools defined again in the product (a copy left behind, or one moved back).
            .Concat(types.Where(t => t.IsPublic && toolTypes.Contains(t.Name)))
            .Select(t => t.FullName).Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.True(misplaced.Count == 0, $"{name} holds tool types: {string.Join(", ", misplaced)}");
    }

    [Fact]
    public void The_tools_hold_the_benchmarks_training_evaluation_synthetic_data_and_the_fuzzer()
    {
        // The check above is only as good as the tools' own list of types: it must hold what moved.
        var names = Assembly.Load(new AssemblyName(ToolsAssembly)).GetTypes().Select(t => t.FullName).ToHashSet(StringComparer.Ordinal);
        Assert.Subset(names, new HashSet<string?>
        {
            "Baocao.Tools.Evaluation.TruthComparer", "Baocao.Tools.Evaluation.CorpusEval", "Baocao.Tools.Evaluation.EvalSweep",
            "Baocao.Tools.Training.MapperTrainer", "Baocao.Tools.Synthetic.SyntheticReports", "Baocao.Tools.Bench.BenchCommand",
            "Baocao.Tools.Bench.BenchMemoryCommand", "Baocao.Tools.Fuzz.FuzzRunner",
        });
    }
}
