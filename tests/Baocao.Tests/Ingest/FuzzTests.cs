using Baocao.Cli;
using Baocao.Tools.Fuzz;
using Baocao.Ingest;
using Baocao.Native;
using Baocao.Pipeline;
using Baocao.Tests.Corpus;

namespace Baocao.Tests.Ingest;

/// <summary>
/// A small fixed-seed set of damaged reports through extraction (in worker processes, as ingest runs it) and one ingest:
/// each gives a record or one clean line, none crashes, hangs, leaks a stack trace or meets an exception no check
/// foresaw, and the ingest loses none. <c>./baocao bench fuzz --count 1000</c> runs the large set.
/// </summary>
[Collection("console")]
public class FuzzTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("baocao-fuzz-test").FullName;

    public void Dispose() => Directory.Delete(dir, true);

    [Fact]
    public void The_same_seed_makes_the_same_mutants()
    {
        var sample = Path.Combine(CorpusTests.CorpusDir, "06-stp-bentre-q4-2019.docx");
        var a = Directory.CreateDirectory(Path.Combine(dir, "a")).FullName;
        var b = Directory.CreateDirectory(Path.Combine(dir, "b")).FullName;
        var ma = Enumerable.Range(0, 6).Select(i => new Mutator(11 + i).Make(sample, a, i)).ToList();
        var mb = Enumerable.Range(0, 6).Select(i => new Mutator(11 + i).Make(sample, b, i)).ToList();
        Assert.Equal(ma.Select(m => m.Kind), mb.Select(m => m.Kind));
        for (var i = 0; i < ma.Count; i++) Assert.Equal(File.ReadAllBytes(ma[i].Path), File.ReadAllBytes(mb[i].Path));
        Assert.Contains(ma, m => File.ReadAllBytes(m.Path).AsSpan().SequenceEqual(File.ReadAllBytes(sample)) is false);
    }

    [Fact]
    public void Damaged_reports_give_a_record_or_one_clean_line_and_the_ingest_loses_none()
    {
        var samples = new[] { "06-stp-bentre-q4-2019.docx", "07-ubnd-phucat-t5-2022.pdf", "02-ubnd-tracu-2023.docx", "14-skhdt-vinhlong-q1-2022.pdf" }
            .Select(n => Path.Combine(CorpusTests.CorpusDir, n)).ToList();
        var mutator = new Mutator(2026);
        var mutants = Enumerable.Range(0, 24).Select(i => mutator.Make(samples[i % samples.Count], dir, i)).ToList();
        // A folder name with an ampersand, as "STNMT&DL": once lost every PDF in it.
        var amp = Directory.CreateDirectory(Path.Combine(dir, "STNMT&DL <2021>")).FullName;
        var inAmp = Path.Combine(amp, "báo cáo.pdf");
        File.Copy(samples[1], inAmp);
        mutants.Add(new Mutant(inAmp, "ampersand-folder", Path.GetFileName(samples[1])));

        var options = new WorkerOptions(WorkerCommand.SelfCommand(), TimeSpan.FromSeconds(120), 2048);
        var results = FuzzRunner.Extract(mutants, options, 2);
        var bad = results.Where(r => r.Outcome is not (FuzzOutcome.Ok or FuzzOutcome.CleanError))
            .Select(r => $"{r.Mutant.Kind} of {r.Mutant.Sample}: {r.Outcome}: {r.Reason}").ToList();
        Assert.True(bad.Count == 0, string.Join("\n", bad));
        Assert.Contains(results, r => r.Outcome == FuzzOutcome.CleanError); // the set does damage files
        Assert.Equal(FuzzOutcome.Ok, results[^1].Outcome);
        Assert.All(results.Where(r => r.Outcome == FuzzOutcome.CleanError), r => Assert.DoesNotContain("Exception", r.Reason));

        var (whole, indexed, failed) = FuzzRunner.Ingest(mutants, Path.Combine(dir, "fuzz.db"), options, 2, Extractor.DefaultVersion());
        Assert.True(whole);
        Assert.Equal(mutants.Count, indexed + failed);
        Assert.Equal(results.Count(r => r.Outcome == FuzzOutcome.Ok), indexed);
    }
}
