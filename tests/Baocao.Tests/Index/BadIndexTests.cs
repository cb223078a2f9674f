using Baocao.Index;
using Microsoft.Data.Sqlite;
using Baocao.Tools.Synthetic;

namespace Baocao.Tests.Index;

/// <summary>A missing, foreign or damaged index file: a clear reason, and the file is never created or changed behind the user's back.</summary>
public class BadIndexTests
{
    [Fact]
    public void Searching_a_missing_index_says_so_and_creates_nothing()
    {
        using var tmp = new TempIndex();
        var e = Assert.Throws<IndexException>(() => SqliteReportIndex.OpenRead(tmp.Path));
        Assert.Equal(tmp.Path, e.Location);
        Assert.StartsWith("no index here (create one with: ./baocao ingest", e.Reason);
        Assert.Empty(Directory.GetFileSystemEntries(tmp.Dir));
    }

    [Theory]
    [InlineData("text", "not a baocao index (not an SQLite database)")]
    [InlineData("empty", "not a baocao index (an empty file)")]
    [InlineData("sqlite", "not a baocao index (an SQLite database without baocao's tables)")]
    public void A_file_that_is_not_a_baocao_index_is_refused_for_reading_and_writing_and_left_unchanged(string kind, string reason)
    {
        using var tmp = new TempIndex();
        switch (kind)
        {
            case "text": File.WriteAllText(tmp.Path, "Báo cáo quý II — notes, not a database\n" + new string('x', 5000)); break;
            case "empty": File.WriteAllBytes(tmp.Path, []); break;
            default:
                using (var c = new SqliteConnection($"Data Source={tmp.Path};Pooling=false"))
                {
                    c.Open();
                    using var cmd = c.CreateCommand();
                    cmd.CommandText = "CREATE TABLE contacts(name TEXT); INSERT INTO contacts VALUES ('Nguyễn Văn A');";
                    cmd.ExecuteNonQuery();
                }
                break;
        }
        var before = File.ReadAllBytes(tmp.Path);
        foreach (var open in new Func<string, SqliteReportIndex>[] { SqliteReportIndex.OpenRead, SqliteReportIndex.OpenWrite })
        {
            var e = Assert.Throws<IndexException>(() => open(tmp.Path));
            Assert.StartsWith(reason, e.Reason);
        }
        Assert.Equal(before, File.ReadAllBytes(tmp.Path));
        Assert.Equal(["test.db"], Directory.GetFiles(tmp.Dir).Select(Path.GetFileName));
    }

    [Fact]
    public void A_damaged_index_gives_a_clear_reason_instead_of_a_crash()
    {
        using var tmp = new TempIndex();
        using (var w = tmp.Write()) w.StoreAll(new SyntheticReports(2).Generate(300));
        // Overwrite the middle of the file with garbage, as a failing disk or a bad copy would.
        using (var f = File.OpenWrite(tmp.Path))
        {
            f.Position = f.Length / 3;
            f.Write(Enumerable.Repeat((byte)0xA5, (int)(f.Length / 3)).ToArray());
        }
        var e = Assert.Throws<IndexException>(() =>
        {
            using var index = SqliteReportIndex.OpenRead(tmp.Path);
            index.Search(new SearchQuery(Text: "hộ tịch", Facets: true));
            index.Export(new SearchQuery()).ToList();
        });
        Assert.Contains("the index is damaged", e.Reason);
    }
}
