using System.Text.Json;
using Baocao.Evaluation;
using Baocao.Pipeline;

namespace Baocao.Tests.Corpus;

/// <summary>
/// The whole pipeline on corpus-samples/: every sample (DOCX and its digital PDF) against its hand-checked truth,
/// field by field. A failure lists the fields that differ.
/// </summary>
public class CorpusTests
{
    internal static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Extraction.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Extraction.sln not found above " + AppContext.BaseDirectory);
    }

    internal static string CorpusDir => Path.Combine(RepoRoot(), "corpus-samples");

    public static TheoryData<string> Samples()
    {
        var data = new TheoryData<string>();
        foreach (var truth in Directory.GetFiles(CorpusDir, "*.truth.json").Order())
        {
            var stem = truth[..^".truth.json".Length];
            foreach (var ext in new[] { ".docx", ".pdf" })
                if (File.Exists(stem + ext)) data.Add(Path.GetFileName(stem + ext));
        }
        return data;
    }

    private static readonly Lazy<Extractor> Shared = new(() => Extractor.CreateDefault());

    [Fact]
    public void The_corpus_has_at_least_twelve_documents_each_as_docx_and_pdf()
    {
        var truths = Directory.GetFiles(CorpusDir, "*.truth.json");
        Assert.True(truths.Length >= 12, $"only {truths.Length} truth files");
        foreach (var t in truths)
        {
            var stem = t[..^".truth.json".Length];
            Assert.True(File.Exists(stem + ".docx"), stem + ".docx missing");
            Assert.True(File.Exists(stem + ".pdf"), stem + ".pdf missing");
        }
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Sample_matches_its_truth_field_by_field(string file)
    {
        var path = Path.Combine(CorpusDir, file);
        var stem = path[..path.LastIndexOf('.')];
        using var truth = JsonDocument.Parse(File.ReadAllText(stem + ".truth.json"));
        var cmp = TruthComparer.Compare(file, Shared.Value.Extract(path), truth.RootElement);
        var bad = cmp.Mismatches.Select(m => $"{m.Path}: expected «{m.Expected}», got «{m.Actual}»").ToList();
        Assert.True(bad.Count == 0, $"{file}: {bad.Count} of {cmp.Fields.Count} fields differ:\n" + string.Join("\n", bad.Take(40)));
        Assert.True(cmp.Fields.Count > 20, "the truth file compares almost nothing");
    }
}
