using System.Globalization;
using Baocao.Index;
using Baocao.Tools.Synthetic;

namespace Baocao.Tests.Index;

/// <summary>The period facet: counted like the others, without filters (kept with every write) and with them.</summary>
public class PeriodFacetTests
{
    [Fact]
    public void Periods_are_counted_over_the_whole_index_and_over_a_filtered_search_and_follow_replacements()
    {
        var records = new SyntheticReports(17).Generate(300).ToList();
        using var tmp = new TempIndex();
        using (var w = tmp.Write())
        {
            w.StoreAll(records);
            // Replacing a report moves its count from its old period to its new one.
            w.Store(Records.Make(records[0].Source.Path, "Trà Vinh", "SỞ TƯ PHÁP", 2031, 2, ("Hộ tịch", [("received.total", 1m)])));
        }
        var docs = records.Skip(1).Select(IndexedReport.From).Append(IndexedReport.From(
            Records.Make(records[0].Source.Path, "Trà Vinh", "SỞ TƯ PHÁP", 2031, 2, ("Hộ tịch", [("received.total", 1m)])))).ToList();
        using var index = tmp.Read();

        var all = index.Search(new SearchQuery(Facets: true)).Facets!.Periods;
        var expected = docs.Where(d => d.PeriodLabel is not null).GroupBy(d => d.PeriodLabel!).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(expected, all.ToDictionary(f => f.Value, f => f.Count));
        Assert.Equal("2031-Q2", all[0].Value);
        Assert.Equal(all.Select(f => f.Value).OrderDescending(StringComparer.Ordinal), all.Select(f => f.Value));

        var q = new SearchQuery(Year: 2021, Facets: true);
        var filter = new RowFilter(q);
        var expectedFiltered = docs.Where(filter.Matches).Where(d => d.PeriodLabel is not null).GroupBy(d => d.PeriodLabel!).ToDictionary(g => g.Key, g => g.Count());
        Assert.NotEmpty(expectedFiltered);
        Assert.Equal(expectedFiltered, index.Search(q).Facets!.Periods.ToDictionary(f => f.Value, f => f.Count));
    }

    [Fact]
    public void An_index_made_before_periods_were_counted_is_grouped_when_read_and_upgraded_at_the_first_write()
    {
        var records = new SyntheticReports(19).Generate(120).ToList();
        using var tmp = new TempIndex();
        using (var w = tmp.Write()) w.StoreAll(records);
        // As a schema-2 baocao left it: no period column in documents nor in its covering indexes, no period counts, no meta key.
        using (var c = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={tmp.Path};Pooling=false"))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = """
                DELETE FROM facet_values WHERE facet = 'period'; DELETE FROM meta WHERE key = 'facets.period_fid';
                DROP INDEX ix_documents_facets; DROP INDEX ix_documents_province; DROP INDEX ix_documents_year;
                ALTER TABLE documents DROP COLUMN period_fid;
                CREATE INDEX ix_documents_facets ON documents(id, province_fid, agency_fid, year, date, formset_fid);
                CREATE INDEX ix_documents_province ON documents(province_key, year, province_fid, agency_fid, date, formset_fid);
                CREATE INDEX ix_documents_year ON documents(year, province_fid, agency_fid, date, formset_fid);
                UPDATE meta SET value = '2' WHERE key = 'schema';
                """;
            cmd.ExecuteNonQuery();
        }
        var expected = records.Select(IndexedReport.From).Where(d => d.PeriodLabel is not null).GroupBy(d => d.PeriodLabel!).ToDictionary(g => g.Key, g => g.Count());
        var docs = records.Select(IndexedReport.From).ToList();
        Dictionary<string, int> Filtered(List<IndexedReport> ds) =>
            ds.Where(d => d.Year == 2022 && d.PeriodLabel is not null).GroupBy(d => d.PeriodLabel!).ToDictionary(g => g.Key, g => g.Count());
        using (var r = tmp.Read())
        {
            Assert.Equal(expected, r.Search(new SearchQuery(Facets: true)).Facets!.Periods.ToDictionary(f => f.Value, f => f.Count));
            Assert.Equal(Filtered(docs), r.Search(new SearchQuery(Year: 2022, Facets: true)).Facets!.Periods.ToDictionary(f => f.Value, f => f.Count));
        }
        using (var w = tmp.Write()) w.Remove(records[0].Source.Path);
        expected[IndexedReport.From(records[0]).PeriodLabel!]--;
        using (var r = tmp.Read())
        {
            Assert.Equal(expected.Where(e => e.Value > 0).ToDictionary(), r.Search(new SearchQuery(Facets: true)).Facets!.Periods.ToDictionary(f => f.Value, f => f.Count));
            var filtered = Filtered(docs.Skip(1).ToList());
            Assert.NotEmpty(filtered);
            Assert.Equal(filtered, r.Search(new SearchQuery(Year: 2022, Facets: true)).Facets!.Periods.ToDictionary(f => f.Value, f => f.Count));
        }
        using (var c = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={tmp.Path};Mode=ReadOnly;Pooling=false"))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = "SELECT sum(count) FROM facet_values WHERE facet = 'period'";
            Assert.Equal(expected.Values.Sum(), Convert.ToInt32(cmd.ExecuteScalar(), CultureInfo.InvariantCulture));
            // Upgraded: every dated report holds its period's id, and the schema says so.
            cmd.CommandText = "SELECT count(*) FROM documents WHERE period IS NOT NULL AND period_fid IS NULL";
            Assert.Equal(0, Convert.ToInt32(cmd.ExecuteScalar(), CultureInfo.InvariantCulture));
            cmd.CommandText = "SELECT value FROM meta WHERE key = 'schema'";
            Assert.Equal(SqliteSchema.Version.ToString(System.Globalization.CultureInfo.InvariantCulture), cmd.ExecuteScalar());
        }
    }
}
