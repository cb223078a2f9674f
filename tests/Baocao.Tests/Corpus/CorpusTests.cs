using System.Text.Json;
using Baocao.Checks;
using Baocao.Tools.Evaluation;
using Baocao.Pipeline;
using Baocao.Reports;

namespace Baocao.Tests.Corpus;

/// <summary>
/// The whole pipeline on corpus-samples/: every sample (DOCX and its digital PDF) against its hand-checked truth,
/// field by field, the findings of the checks included (every expected one found, no other error or warning).
/// A failure lists the fields that differ.
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

    /// <summary>
    /// Every sample extracted once, and the checks across reports run over each format's set (as <c>check</c> does over
    /// the files it is given): the truth expects the findings that compare a report with the others of its agency.
    /// </summary>
    private static readonly Lazy<Dictionary<string, ReportRecord>> Records = new(() =>
    {
        var all = new Dictionary<string, ReportRecord>();
        foreach (var ext in new[] { ".docx", ".pdf" })
        {
            var files = Directory.GetFiles(CorpusDir, "*" + ext).Where(f => File.Exists(f[..^ext.Length] + ".truth.json")).Order().ToList();
            var records = CrossReportChecker.CreateDefault().Apply(files.Select(f => Shared.Value.Extract(f)).ToList());
            foreach (var r in records) all[Path.GetFileName(r.Source.Path)] = r;
        }
        return all;
    });

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

    [Fact]
    public void The_corpus_has_clean_samples_and_one_planted_or_seed_error_of_each_kind()
    {
        var expected = new List<string>();
        var clean = 0;
        foreach (var t in Directory.GetFiles(CorpusDir, "*.truth.json"))
        {
            using var truth = JsonDocument.Parse(File.ReadAllText(t));
            var checks = truth.RootElement.GetProperty("checks").EnumerateArray().Select(c => c.GetProperty("rule").GetString()!).ToList();
            if (checks.Count == 0) clean++;
            expected.AddRange(checks);
        }
        Assert.True(clean >= 6, $"only {clean} clean samples");
        string[] kinds = [CheckRule.Formula, CheckRule.Total, CheckRule.Group, CheckRule.Percent, CheckRule.TablePeriod, CheckRule.ProseSum,
            CheckRule.ProsePercent, CheckRule.ProseTable, CheckRule.CarriedOver, CheckRule.PeriodSum];
        Assert.Empty(kinds.Except(expected));
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Sample_matches_its_truth_field_by_field(string file)
    {
        var path = Path.Combine(CorpusDir, file);
        var stem = path[..path.LastIndexOf('.')];
        using var truth = JsonDocument.Parse(File.ReadAllText(stem + ".truth.json"));
        var cmp = TruthComparer.Compare(file, Records.Value[file], truth.RootElement);
        var bad = cmp.Mismatches.Select(m => $"{m.Path}: expected «{m.Expected}», got «{m.Actual}»").ToList();
        Assert.True(bad.Count == 0, $"{file}: {bad.Count} of {cmp.Fields.Count} fields differ:\n" + string.Join("\n", bad.Take(40)));
        Assert.True(cmp.Fields.Count > 20, "the truth file compares almost nothing");
    }
}
