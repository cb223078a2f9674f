using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Baocao.Cli;
using Baocao.Tools.Evaluation;
using Baocao.Tests.Corpus;
using Variations;

namespace Baocao.Tests.Sweep;

/// <summary>
/// The deterministic parts of the sweep (tools/Variations and `eval --sweep`): plans and specs from seeds, the truth
/// drafted for them, the seed ranges, and the aggregation per bucket. None of these runs LibreOffice or Chromium.
/// </summary>
public class SweepTests
{
    static readonly Generator Gen = new(CorpusTests.RepoRoot());

    [Fact]
    public void Same_seed_gives_the_same_plan_spec_and_truth_and_other_seeds_differ()
    {
        var a = Path.Combine(Path.GetTempPath(), "sweep-test-a-" + Guid.NewGuid().ToString("N"));
        var b = Path.Combine(Path.GetTempPath(), "sweep-test-b-" + Guid.NewGuid().ToString("N"));
        try
        {
            var texts = new HashSet<string>();
            foreach (var seed in new[] { 1, 2, 5, 6, 100000, 100001 })
            {
                var p1 = Gen.Plan(seed);
                Assert.Equal(p1, Gen.Plan(seed));
                Assert.Equal(p1.ToString(), Gen.Plan(seed).ToString());
                Gen.SpecAndTruth(p1, a);
                Gen.SpecAndTruth(Gen.Plan(seed), b);
                var truth = File.ReadAllText(Path.Combine(a, p1.Name + ".truth.json"));
                Assert.Equal(truth, File.ReadAllText(Path.Combine(b, p1.Name + ".truth.json")));
                Assert.Equal(File.ReadAllText(Path.Combine(a, p1.Name + ".spec.json")), File.ReadAllText(Path.Combine(b, p1.Name + ".spec.json")));
                texts.Add(truth);
            }
            Assert.Equal(6, texts.Count);
        }
        finally
        {
            foreach (var d in new[] { a, b }) if (Directory.Exists(d)) Directory.Delete(d, true);
        }
    }

    [Fact]
    public void Plans_cover_every_producer_and_stay_inside_the_scan_ranges()
    {
        var plans = Enumerable.Range(1, 300).Select(Gen.Plan).ToList();
        Assert.All(Producers.All, p => Assert.Contains(plans, x => x.Producer == p));
        Assert.Contains(plans, p => p.Source == Planner.Synthetic);
        Assert.Contains(plans, p => p.Source != Planner.Synthetic);
        Assert.Contains(plans, p => p.CommaThousands);
        Assert.Contains(plans, p => !p.Style.InnerVertical);
        Assert.Contains(plans, p => p.Style.ShadedHeader);
        Assert.Contains(plans, p => p.Style.Landscape);
        Assert.Contains(plans, p => p.Scan?.TurnedPage is not null);
        Assert.All(plans, p => Assert.Contains(p.Style.RuleWidth, new[] { 0.25, 0.5, 1.0 }));
        // A DOCX is never "scanned": scans are of printed PDFs.
        Assert.DoesNotContain(plans, p => p.Producer == Producers.Docx && p.Scan is not null);
        var scans = plans.Where(p => p.Scan is not null).Select(p => p.Scan!).ToList();
        Assert.Equal(new[] { 150, 200, 300 }, scans.Select(s => s.Dpi).Distinct().Order());
        Assert.Equal(new[] { "fair", "good", "poor" }, scans.Select(s => s.Quality).Distinct().Order());
        Assert.All(scans, s =>
        {
            Assert.InRange(s.JpegQuality, 30, 90);
            Assert.InRange(Math.Abs(s.Skew), 0, 2);
        });
        // Poor scans are worse than good ones on every axis they share.
        Assert.True(scans.Where(s => s.Quality == "poor").Max(s => s.JpegQuality) <= scans.Where(s => s.Quality == "good").Min(s => s.JpegQuality));
        Assert.Equal(plans.Select(p => p.Bucket), plans.Select(p => Gen.Plan(p.Seed).Bucket));
    }

    [Fact]
    public void Synthetic_truth_adds_up_and_comma_thousands_change_the_text_only()
    {
        var dir = Path.Combine(Path.GetTempPath(), "sweep-test-c-" + Guid.NewGuid().ToString("N"));
        try
        {
            var plans = Enumerable.Range(1, 400).Select(Gen.Plan).Where(p => p.Source == Planner.Synthetic).ToList();
            var comma = plans.First(p => p.CommaThousands);
            var (_, truth) = Gen.SpecAndTruth(comma, dir);
            var rows = truth["tables"]![0]!["rows"]!.AsArray();
            var total = rows[^1]!;
            Assert.Equal("total", total["kind"]!.GetValue<string>());
            // Received = resolved + pending, and the totals row is the sum of the rows, in the values of the truth.
            var items = rows.Where(r => r!["kind"]!.GetValue<string>() == "item").ToList();
            decimal V(JsonNode row, string key) => row["values"]![key]?.GetValue<decimal>() ?? 0;
            foreach (var key in new[] { "received.total", "resolved.total", "pending.total" })
                Assert.Equal(V(total, key), items.Sum(r => V(r!, key)));
            Assert.Equal(V(total, "received.total"), V(total, "resolved.total") + V(total, "pending.total"));
            // A printed figure of four digits or more reads "1,234" in the cells and stays 1234 in the values.
            var big = items.Concat([total]).SelectMany(r => r!["cells"]!.AsArray().Select(c => c!.GetValue<string>())).Where(c => c.Length > 3 && c.All(ch => char.IsDigit(ch) || ch == ',')).ToList();
            Assert.All(big, c => Assert.Contains(",", c));
            Assert.DoesNotContain(items.Concat([total]).SelectMany(r => r!["cells"]!.AsArray().Select(c => c!.GetValue<string>())), c => c.Length > 3 && c.All(ch => char.IsDigit(ch) || ch == '.') && c.Contains('.'));
            // The prose says the same figures with the same grouping.
            var spec = File.ReadAllText(Path.Combine(dir, comma.Name + ".spec.json"));
            var received = (long)V(total, "resolved.total");
            if (received >= 1000) Assert.Contains(received.ToString("#,0", System.Globalization.CultureInfo.InvariantCulture), spec);
            // District reports list 30-60 communes.
            var district = plans.Select(p => (p, json: Gen.SpecJson(p))).First(x => x.json["truth"]!["header"]!["agency"]!.GetValue<string>().StartsWith("ỦY BAN", StringComparison.Ordinal));
            Gen.SpecAndTruth(district.p, dir);
            using var t = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, district.p.Name + ".truth.json")));
            Assert.InRange(t.RootElement.GetProperty("tables")[0].GetProperty("rows").GetArrayLength() - 1, 30, 60);
        }
        finally { if (Directory.Exists(dir)) Directory.Delete(dir, true); }
    }

    [Fact]
    public void Synthetic_shapes_web_printouts_and_prose_without_headings_with_their_truth()
    {
        var dir = Path.Combine(Path.GetTempPath(), "sweep-test-d-" + Guid.NewGuid().ToString("N"));
        try
        {
            var plans = Enumerable.Range(1, 300).Select(Gen.Plan).ToList();
            // Corpus samples keep their own shape; every synthetic report has one.
            Assert.All(plans, p => Assert.Equal(p.Source == Planner.Synthetic, p.Shape is not null));
            // A web printout comes out of a browser or an HTML import, never from Word.
            var web = plans.Where(p => p.Shape is { WebPrintout: true }).ToList();
            Assert.NotEmpty(web);
            Assert.All(web, p => Assert.Contains(p.Producer, new[] { Producers.Chromium, Producers.LoHtml }));
            Assert.Contains(plans, p => p.Shape is { WebPrintout: false, NumberedHeadings: false });
            Assert.Equal(ReportShape.ProseShapes, plans.Where(p => p.Shape is { WebPrintout: false }).Select(p => p.Shape!.Prose).Distinct().Order(StringComparer.Ordinal));

            // A web printout: no number, no title, the unit line's agency, the explicit period, the preparer signing,
            // no prose figures; the spec is landscape and holds no "Số:" and no "BÁO CÁO".
            var w = Gen.SpecJson(web[0]);
            var header = w["truth"]!["header"]!;
            Assert.Null(header["number"]);
            Assert.Null(header["title"]);
            Assert.True(header["period"]!["explicit"]!.GetValue<bool>());
            Assert.Equal("Người làm báo cáo", header["signer"]!["title"]!.GetValue<string>());
            Assert.Empty(w["truth"]!["figures"]!.AsArray());
            Assert.True(w["landscape"]!.GetValue<bool>());
            var text = w["body"]!.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
            Assert.DoesNotContain("Số:", text);
            Assert.DoesNotContain("BÁO CÁO\"", text);
            Assert.Contains($"Đơn vị báo cáo: {header["agency"]!.GetValue<string>()}", text);

            // Without numbered headings: no "1. …" or "I. …" paragraph, and the figures are still all in the truth.
            var plain = plans.First(p => p.Shape is { WebPrintout: false, NumberedHeadings: false });
            var paragraphs = Gen.SpecJson(plain)["body"]!.AsArray().Select(b => b?["p"]?.GetValue<string>()).OfType<string>().ToList();
            Assert.DoesNotContain(paragraphs, t => System.Text.RegularExpressions.Regex.IsMatch(t, @"^(?:\d+|[IVX]+)\.\s"));
            Assert.Contains(paragraphs, t => t.StartsWith("- ", StringComparison.Ordinal) && t.Contains("hồ sơ", StringComparison.Ordinal));

            // Each wording's figures are printed in its paragraphs: every truth figure's number appears in the prose.
            foreach (var shape in ReportShape.ProseShapes)
            {
                var plan = plans.First(p => p.Shape is { WebPrintout: false } s && s.Prose == shape && !p.CommaThousands);
                var (_, truth) = Gen.SpecAndTruth(plan, dir);
                var prose = string.Join(" ", Gen.SpecJson(plan)["body"]!.AsArray().Select(b => b?["p"]?.GetValue<string>()).OfType<string>());
                var figures = truth["figures"]!.AsArray();
                Assert.True(figures.Count >= 12, shape);
                foreach (var f in figures)
                {
                    var v = f!["value"]!.GetValue<decimal>();
                    var printed = f["key"]!.GetValue<string>().EndsWith(".pct", StringComparison.Ordinal)
                        ? v.ToString("0.00", CultureInfo.InvariantCulture).Replace('.', ',')
                        : v.ToString("#,0", CultureInfo.InvariantCulture).Replace(',', '.');
                    Assert.True(prose.Contains(printed, StringComparison.Ordinal), $"seed {plan.Seed} ({shape}): {f["key"]} {printed} not in the prose");
                }
            }
        }
        finally { if (Directory.Exists(dir)) Directory.Delete(dir, true); }
    }

    [Fact]
    public void Sample_variants_drop_only_the_findings_across_reports()
    {
        var plan = Enumerable.Range(1, 999).Select(Gen.Plan).First(p => p.Source == "14-skhdt-vinhlong-q1-2022");
        var json = Gen.SpecJson(plan);
        var rules = json["truth"]!["checks"]!.AsArray().Select(c => c!["rule"]!.GetValue<string>()).ToList();
        Assert.NotEmpty(rules);
        Assert.DoesNotContain(rules, r => r.StartsWith("reports.", StringComparison.Ordinal));
        Assert.Equal(plan.Name, json["name"]!.GetValue<string>());
    }

    [Theory]
    [InlineData(1, 12, false, null)]
    [InlineData(1, 12, true, null)]
    [InlineData(990, 10, true, null)]
    [InlineData(100000, 12, false, null)]
    [InlineData(100000, 12, true, "--keep is refused")]
    [InlineData(100995, 10, false, "not inside one range")]
    [InlineData(995, 10, false, "not inside one range")]
    [InlineData(0, 1, false, "not inside one range")]
    [InlineData(5000, 1, false, "not inside one range")]
    [InlineData(1, 0, false, "--count")]
    public void Seed_ranges_and_keep(int seed, int count, bool keep, string? refusal)
    {
        var why = SweepSeeds.Refusal(seed, count, keep);
        if (refusal is null) Assert.Null(why);
        else Assert.Contains(refusal, why);
    }

    static Comparison Cmp(int headerOk, int headerTotal, int cellsOk, int cellsTotal, int falseAlarms = 0)
    {
        var f = new List<FieldResult>();
        for (var i = 0; i < headerTotal; i++) f.Add(new(TruthComparer.Header, $"h{i}", "x", i < headerOk ? "x" : "y"));
        for (var i = 0; i < cellsTotal; i++) f.Add(new(TruthComparer.Cell, $"c{i}", "1", i < cellsOk ? "1" : "7"));
        for (var i = 0; i < falseAlarms; i++) f.Add(new(TruthComparer.Check, $"k{i}", TruthComparer.NotExpected, "table.total"));
        return new Comparison("f", f);
    }

    [Fact]
    public void Buckets_add_up_their_files_and_the_worst_comes_first_with_its_worst_seed()
    {
        var items = new List<SweepItem>
        {
            new(1, "lo-html 150dpi poor", "p1", Cmp(5, 10, 20, 100, falseAlarms: 2), null),
            new(2, "lo-html 150dpi poor", "p2", Cmp(10, 10, 90, 100), null),
            new(3, "chromium digital", "p3", Cmp(10, 10, 100, 100), null),
            new(4, "lo-docx 300dpi good", "p4", null, "extraction failed: damaged"),
            new(5, "lo-docx 300dpi good", "p5", Cmp(9, 10, 99, 100), null),
        };
        var buckets = SweepStats.ByBucket(items);
        Assert.Equal(new[] { "chromium digital", "lo-docx 300dpi good", "lo-html 150dpi poor" }, buckets.Select(b => b.Bucket));
        var poor = buckets.Single(b => b.Bucket == "lo-html 150dpi poor");
        Assert.Equal((15, 20), poor.Header);
        Assert.Equal((110, 200), poor.Cells);
        Assert.Equal(2, poor.FalseAlarms);
        Assert.Equal(1, poor.WorstSeed);
        var good = buckets.Single(b => b.Bucket == "lo-docx 300dpi good");
        Assert.Equal(1, good.Failed);
        Assert.Equal(4, good.WorstSeed); // a failed file scores 0
        var overall = SweepStats.Of("overall", items);
        Assert.Equal(5, overall.Files);
        Assert.Equal((5 + 10 + 10 + 9, 40), overall.Header);
        // File scores: seed 1 (0.5 + 0.2) / 2, seed 2 (1 + 0.9) / 2; seed 4 failed (0), seed 5 (0.9 + 0.99) / 2.
        Assert.Equal(0.65, poor.Score, 6);
        Assert.Equal(0.4725, good.Score, 6);
        var worst = SweepStats.Worst(buckets, 2);
        var factors = SweepStats.ByFactor(items.Select(i => i with { Factors = i.Seed % 2 == 1 ? ["comma thousands"] : ["comma thousands", "shaded header"] }));
        Assert.Equal(new[] { "comma thousands", "shaded header" }, factors.Select(f => f.Bucket));
        Assert.Equal(5, factors[0].Files);
        Assert.Equal(2, factors[1].Files);
        Assert.Equal((10, 10), factors[1].Header); // seeds 2 and 4; 4 failed and has no fields
        Assert.Equal(1, factors[1].Failed);
        Assert.Equal(new[] { "lo-docx 300dpi good", "lo-html 150dpi poor" }, worst.Select(b => b.Bucket));
    }
}

/// <summary>A fact that runs only where LibreOffice and Chromium are installed (CI installs them: scripts/install-deps.sh).</summary>
public sealed class NeedsProducersFactAttribute : FactAttribute
{
    public NeedsProducersFactAttribute()
    {
        var missing = global::Variations.Tools.Missing(scans: false);
        if (missing.Count > 0) Skip = "needs " + string.Join(", ", missing) + " (bash scripts/install-deps.sh)";
    }
}

[Collection("console")]
public class SweepCliTests
{
    [Fact]
    public void Held_out_seeds_refuse_keep_before_generating_anything()
    {
        var keep = Path.Combine(Path.GetTempPath(), "sweep-test-keep-" + Guid.NewGuid().ToString("N"));
        var (code, stdout, stderr) = CliRunner.Run("eval", "--sweep", "--seed", "100000", "--count", "2", "--keep", keep, "--dir", CorpusTests.CorpusDir);
        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.StartsWith("error: sweep: --keep is refused for held-out seeds", stderr);
        Assert.False(Directory.Exists(keep));
    }

    // The one end-to-end run: a synthetic report printed by Chromium, digital, must read back exactly as its truth.
    [NeedsProducersFact]
    public void A_digital_chromium_variant_reads_back_as_its_truth()
    {
        var gen = new Generator(CorpusTests.RepoRoot());
        var seed = Enumerable.Range(1, 999).First(s => gen.Plan(s) is { Producer: Producers.Chromium, Scan: null, Source: Planner.Synthetic });
        var (code, stdout, stderr) = CliRunner.Run("eval", "--sweep", "--seed", seed.ToString(CultureInfo.InvariantCulture), "--count", "1", "--json", "--dir", CorpusTests.CorpusDir);
        Assert.True(code == 0, stderr);
        using var doc = JsonDocument.Parse(stdout);
        var overall = doc.RootElement.GetProperty("overall");
        Assert.Equal(0, overall.GetProperty("failed").GetInt32());
        foreach (var part in new[] { "header", "cells", "figures" })
        {
            var s = overall.GetProperty(part);
            Assert.True(s.GetProperty("total").GetInt32() > 0, part);
            Assert.Equal(s.GetProperty("total").GetInt32(), s.GetProperty("ok").GetInt32());
        }
        Assert.Equal(seed, doc.RootElement.GetProperty("files")[0].GetProperty("seed").GetInt32());
    }
}
