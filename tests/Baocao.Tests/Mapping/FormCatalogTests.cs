using Baocao.Mapping;
using Baocao.Tools.Training;
using Baocao.Tests.Corpus;

namespace Baocao.Tests.Mapping;

public class FormCatalogTests
{
    internal static string CatalogPath => Path.Combine(CorpusTests.RepoRoot(), "models", "form-catalog.json");

    [Fact]
    public void The_repository_catalog_loads_with_every_form_and_the_domain_keys()
    {
        var c = FormCatalog.Load(CatalogPath);
        var forms = c.Schemas.SelectMany(s => s.Forms).ToHashSet();
        foreach (var f in new[] { "II.06a", "II.06b", "II.06c", "II.07a", "II.07b", "II.08", "II.05a", "II.05b", "06a" })
            Assert.Contains(f, forms);
        var dossier = c.Schemas.Single(s => s.Id == "dossier").Keys;
        foreach (var k in new[] { "received.total", "received.new", "received.online", "received.direct", "received.carried_over", "resolved.total",
                     "resolved.early", "resolved.on_time", "resolved.late", "pending.total", "pending.on_time", "pending.late", "returned" })
            Assert.Contains(k, dossier);
        Assert.Contains("procedures.total", c.Fields.Select(f => f.Key));
        Assert.Contains("dvc.level3.assigned", c.Fields.Select(f => f.Key));
        Assert.Equal(["received.online", "received.direct", "received.carried_over"], c.Field("received.total").Sums[0]);
        Assert.Contains(c.Layouts, l => l.HeldOut);
        MapperTrainer.CheckSplit(c); // no held-out wording leaks into training
    }

    private const string Minimal = """
        {"version": "t", "roles": [{"key": "_stt", "flat": {"train": ["STT"]}}, {"key": "_label", "flat": {"train": ["Lĩnh vực"]}}, {"key": "_other", "flat": {"train": ["Ghi chú"]}}],
         "fields": [{"key": "a.total", "kind": "count", "sums": [["a.x", "a.y"]], "leaf": {"train": ["Tổng số"], "heldout": ["Cộng"]}},
                    {"key": "a.x", "kind": "count", "leaf": {"train": ["X"]}}, {"key": "a.y", "kind": "count", "leaf": {"train": ["Y"]}}],
         "schemas": [{"id": "a", "forms": ["II.06a"], "keys": ["a.total", "a.x", "a.y"]}],
         "headings": [], "abbreviations": [],
         "layouts": [{"id": "a/1", "schema": "a", "split": "train", "rows": "fields", "numbering": "formulas", "forms": [],
                      "columns": [["_stt", "STT"], ["a.total", "A", "Tổng số"], ["a.x", "A", "X"], ["a.y", "A", "Y"]]}]}
        """;

    [Fact]
    public void A_minimal_catalog_parses()
    {
        var c = FormCatalog.Parse(Minimal);
        Assert.Equal(3, c.Fields.Count);
        Assert.Equal(["A", "Tổng số"], c.Layouts[0].Columns[1].Path);
    }

    [Theory]
    [InlineData("\"keys\": [\"a.total\", \"a.x\", \"a.y\"]", "\"keys\": [\"a.total\", \"a.x\", \"a.z\"]", "schema a: key a.z is not a field")]
    [InlineData("[\"a.y\", \"A\", \"Y\"]", "[\"a.x\", \"A\", \"Y\"]", "layout a/1: a key is used by two columns")]
    [InlineData("\"sums\": [[\"a.x\", \"a.y\"]]", "\"sums\": [[\"a.x\", \"b\"]]", "field a.total: sum part b is not a field")]
    [InlineData("\"split\": \"train\"", "\"split\": \"heldout\"", "schema a has no training layout")]
    [InlineData("\"kind\": \"count\", \"sums\"", "\"kind\": \"money\", \"sums\"", "field a.total: unknown kind money")]
    public void A_broken_catalog_is_refused_with_a_one_line_reason(string from, string to, string reason)
    {
        Assert.Contains(from, Minimal);
        var e = Assert.Throws<CatalogException>(() => FormCatalog.Parse(Minimal.Replace(from, to), "cat.json"));
        Assert.Equal(reason, e.Reason);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void Bad_files_give_clear_reasons()
    {
        Assert.Equal("no such file", Assert.Throws<CatalogException>(() => FormCatalog.Load("/nonexistent/catalog.json")).Reason);
        Assert.StartsWith("not valid JSON", Assert.Throws<CatalogException>(() => FormCatalog.Parse("{")).Reason);
        var decomposed = Minimal.Replace("Tổng số", "To\u0302\u0309ng so\u0302\u0301");
        Assert.Equal("text is not NFC", Assert.Throws<CatalogException>(() => FormCatalog.Parse(decomposed)).Reason);
    }

    [Fact]
    public void A_held_out_wording_used_for_training_is_refused()
    {
        var leaking = FormCatalog.Parse(Minimal.Replace("\"heldout\": [\"Cộng\"]", "\"heldout\": [\"X\"]"));
        var e = Assert.Throws<CatalogException>(() => MapperTrainer.CheckSplit(leaking));
        Assert.Contains("X", e.Reason);
    }
}
