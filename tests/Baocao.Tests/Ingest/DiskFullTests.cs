using Baocao.Tests.Corpus;

namespace Baocao.Tests.Ingest;

/// <summary>A disk that fills up during ingest: one line, exit 1, the index whole, and the next run completes it.</summary>
[Collection("console")]
public class DiskFullTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("baocao-diskfull").FullName;

    public void Dispose() => Directory.Delete(dir, true);

    [Fact]
    public void A_full_disk_stops_with_one_line_and_the_next_run_completes_the_index_and_the_source_copies()
    {
        var names = new[] { "07-ubnd-phucat-t5-2022.pdf", "14-skhdt-vinhlong-q1-2022.pdf", "06-stp-bentre-q4-2019.docx" };
        var archive = Directory.CreateDirectory(Path.Combine(dir, "archive")).FullName;
        foreach (var n in names) File.Copy(Path.Combine(CorpusTests.CorpusDir, n), Path.Combine(archive, n));
        var data = Directory.CreateDirectory(Path.Combine(dir, "data")).FullName;
        var db = Path.Combine(data, "baocao.db");

        (int code, string stdout, string stderr) first;
        Environment.SetEnvironmentVariable(Baocao.Cli.IngestCommand.DiskFullVariable, "1");
        try { first = CliRunner.Run("ingest", archive, "--index", db, "--workers", "1"); }
        finally { Environment.SetEnvironmentVariable(Baocao.Cli.IngestCommand.DiskFullVariable, null); }
        Assert.Equal(1, first.code);
        var line = Assert.Single(first.stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"error: {data}: the disk is full (", line);
        Assert.Contains("MiB more and run the same command again", line);
        long storedAfterFailure;
        using (var index = Baocao.Index.IndexLocation.OpenRead(db))
        {
            storedAfterFailure = index.Stats().Documents;
            Assert.InRange(storedAfterFailure, 1, 2);
            Assert.Empty(index.Failures()); // nothing is held against the files
        }

        var second = CliRunner.Run("ingest", archive, "--index", db, "--workers", "1");
        Assert.Equal(0, second.code);
        using (var index = Baocao.Index.IndexLocation.OpenRead(db))
        {
            Assert.Equal(names.Select(n => Path.Combine(archive, n)).Order(StringComparer.Ordinal), index.Sources().Select(s => s.Path).Order(StringComparer.Ordinal));
            var store = new Baocao.Index.SourceStore(data);
            // Both PDFs have their copy for the page images, the one stored just before the disk filled up included.
            foreach (var s in index.Sources().Where(s => s.Path.EndsWith(".pdf", StringComparison.Ordinal)))
                Assert.NotNull(store.Find(s.Sha256));
        }
    }
}
