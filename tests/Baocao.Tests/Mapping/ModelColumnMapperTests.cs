using Baocao.Interpretation;
using Baocao.Mapping;
using Baocao.Tools.Training;
using Baocao.Output;
using Baocao.Pipeline;
using Baocao.Tests.Corpus;

namespace Baocao.Tests.Mapping;

/// <summary>The shipped model (models/column-mapper.mlnet.zip, ML.NET's file) on headers it has not seen as such, and the model file itself.</summary>
public class ModelColumnMapperTests
{
    private static readonly Lazy<ModelColumnMapper> Shipped = new(() => ModelColumnMapper.LoadDefault());

    private static string[] Keys(string? form, params (string header, string? number, string value)[] columns)
    {
        var features = columns.Select((c, i) =>
        {
            var (n, f) = c.number is null ? ((int?)null, (string?)null) : Baocao.Tables.ColumnNumberRow.Parse(c.number);
            return new ColumnFeatures(i, c.header, n, f, Enumerable.Repeat(c.value, 5).ToList());
        }).ToList();
        return Shipped.Value.Map(TableContext.None with { Form = form }, features).Select(m => m.Key ?? "(null)").ToArray();
    }

    [Fact]
    public void A_noisy_ii06a_header_maps_like_the_clean_one()
    {
        // Dropped diacritics, abbreviations, OCR slips, a word broken by a narrow cell, upper case.
        var keys = Keys("II.06a",
            ("STT", "(1)", "1"), ("Linh vuc giai quyet", "(2)", "Hộ tịch"),
            ("SL HS tiep nhan › Tong so", "(3)=(4)+(5)+(6)", "58"), ("SL HS tiep nhan › Trong ky › Trực tuy ến", "(4)", "56"),
            ("SL HS tiep nhan › Trong ky › Truc tiep, DV buu chinh", "(5)", "1"), ("SL HS tiep nhan › Tu ky truóc", "(6)", "1"),
            ("SỐ LƯỢNG HS ĐÃ GQ › TỔNG SỐ", "(7)=(8)+(9)+(10)", "57"), ("SỐ LƯỢNG HS ĐÃ GQ › TRƯỚC HẠN", "(8)", "57"),
            ("SỐ LƯỢNG HS ĐÃ GQ › ĐÚNG HẠN", "(9)", "0"), ("SỐ LƯỢNG HS ĐÃ GQ › QUÁ HẠN", "(10)", "0"),
            ("Số lượng hồ sơ đang giảỉ quyết › Tổng sô", "(11)=(12)+(13)", "1"), ("Số lượng hồ sơ đang giảỉ quyết › Trong hạn", "(12)", "1"),
            ("Số lượng hồ sơ đang giảỉ quyết › Quá hạn", "(13)", "0"));
        Assert.Equal(["(null)", "(null)", "received.total", "received.online", "received.direct", "received.carried_over", "resolved.total",
            "resolved.early", "resolved.on_time", "resolved.late", "pending.total", "pending.on_time", "pending.late"], keys);
    }

    [Fact]
    public void The_2017_order_and_an_ii08_table_map_onto_their_own_keys()
    {
        Assert.Equal(["(null)", "(null)", "received.total", "received.carried_over", "received.new"],
            Keys("06a", ("STT", "(1)", "1"), ("Lĩnh vực, công việc giải quyết theo cấp", "(2)", "Chứng thực"),
                ("Số hồ sơ nhận giải quyết › Tổng số", "(3)", "12"), ("Số hồ sơ nhận giải quyết › Trong đó › Số kỳ trước chuyển qua", "(4)", "2"),
                ("Số hồ sơ nhận giải quyết › Trong đó › Số mới tiếp nhận", "(5)", "10")));
        Assert.Equal(["(null)", "(null)", "dvc.level3.assigned", "dvc.level3.deployed", "dvc.level4.assigned", "dvc.level4.deployed", "dvc.national_portal"],
            Keys("II.08", ("STT", "(1)", "1"), ("Lĩnh vực", "(2)", "Báo chí"),
                ("DVC trực tuyến mức độ 3 › Được giao", "(3)", ""), ("DVC trực tuyến mức độ 3 › Đã triển khai", "(4)", "1"),
                ("DVC trực tuyến mức độ 4 › Được giao", "(5)", ""), ("DVC trực tuyến mức độ 4 › Đã triển khai", "(6)", "x"),
                ("Tích hợp với Cổng DVC quốc gia", "(7)", "1")));
    }

    [Fact]
    public void A_table_outside_the_catalog_gets_no_key()
    {
        var keys = Keys(null, ("STT", null, "1"), ("Họ và tên", null, "Nguyễn Văn An"), ("Chức vụ", null, "Chuyên viên"), ("Số điện thoại", null, "0912345678"), ("Ghi chú", null, ""));
        Assert.All(keys, k => Assert.Equal("(null)", k));
    }

    [Fact]
    public void The_model_file_loads_and_a_missing_or_corrupt_one_gives_one_line()
    {
        Assert.Contains("received.total", Shipped.Value.Model.Classes);
        Assert.Equal(ClassifierKind.SdcaMaximumEntropy, Shipped.Value.Model.Classifier.Kind);
        var dir = Directory.CreateTempSubdirectory("baocao-model-").FullName;
        try
        {
            var missing = Path.Combine(dir, "none.zip");
            var e = Assert.Throws<ModelLoadException>(() => Extractor.CreateDefault(ocrWorkers: 0, mapperModel: missing));
            Assert.Equal(missing, e.FilePath);
            Assert.Contains("missing", e.Reason);
            var corrupt = Path.Combine(dir, "corrupt.zip");
            File.WriteAllBytes(corrupt, File.ReadAllBytes(ColumnMapperModel.DefaultPath)[..5000]);
            var c = Assert.Throws<ModelLoadException>(() => ColumnMapperModel.Load(corrupt)).Reason;
            Assert.StartsWith("corrupt column-mapper model", c);
            Assert.DoesNotContain('\n', c);
            var other = Path.Combine(dir, "other.json");
            File.WriteAllText(other, "{\"format\": \"something-else\"}");
            var r = Assert.Throws<ModelLoadException>(() => ColumnMapperModel.Load(other)).Reason;
            Assert.Contains("not a column-mapper model", r);
            Assert.DoesNotContain('\n', r);
            // A zip that is ML.NET's file but lacks the mapper's entry (a model of some other program).
            var bare = Path.Combine(dir, "bare.zip");
            File.Copy(ColumnMapperModel.DefaultPath, bare);
            using (var zip = System.IO.Compression.ZipFile.Open(bare, System.IO.Compression.ZipArchiveMode.Update))
                zip.GetEntry(ColumnMapperModel.MetaEntry)!.Delete();
            Assert.Contains("not a column-mapper model", Assert.Throws<ModelLoadException>(() => ColumnMapperModel.Load(bare)).Reason);
        }
        finally { Directory.Delete(dir, true); }
    }

    [Fact]
    public void Saving_and_loading_keeps_every_probability()
    {
        var model = Shipped.Value.Model;
        var path = Path.Combine(Path.GetTempPath(), $"baocao-model-{Guid.NewGuid():N}.zip");
        try
        {
            model.Save(path);
            Assert.Equal(File.ReadAllBytes(ColumnMapperModel.DefaultPath), File.ReadAllBytes(path));
            var again = ColumnMapperModel.Load(path);
            var cols = new List<ColumnFeatures> { new(0, "Số hồ sơ tiếp nhận › Tổng số", 3, "(3)=(4)+(5)", ["5"]) };
            var p = model.Classify(cols, 0);
            Assert.Equal(p, again.Classify(cols, 0));
            Assert.Equal(1.0, p.Sum(), 3);
            Assert.Equal("received.total", model.Classes[Array.IndexOf(p, p.Max())]);
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void An_ml_net_file_whose_classes_are_in_another_order_is_refused()
    {
        // The Score slots are read by position: a model whose label keys are not the mapper's classes in order would
        // put every probability on the wrong key, so loading checks the slot names.
        var bytes = File.ReadAllBytes(ColumnMapperModel.DefaultPath);
        var classes = Shipped.Value.Model.Classes.ToList();
        (classes[3], classes[4]) = (classes[4], classes[3]);
        var e = Assert.Throws<FormatException>(() => MlNetColumnClassifier.Load(new MemoryStream(bytes), ClassifierKind.SdcaMaximumEntropy, classes));
        Assert.Contains("classes differ", e.Message);
    }

    [Fact]
    public void The_classifier_is_safe_to_share_between_threads()
    {
        var model = Shipped.Value.Model;
        var cols = new List<ColumnFeatures> { new(0, "Số hồ sơ đã giải quyết › Quá hạn", 10, null, ["0"]), new(1, "Lĩnh vực", 2, null, ["Hộ tịch"]) };
        var expected = Enumerable.Range(0, 2).Select(i => model.Classify(cols, i)).ToList();
        Parallel.For(0, 200, new ParallelOptions { MaxDegreeOfParallelism = 4 }, k => Assert.Equal(expected[k % 2], model.Classify(cols, k % 2)));
    }

    [Fact]
    public void Training_is_deterministic_and_the_small_model_learns_the_catalog()
    {
        var catalogText = File.ReadAllText(FormCatalogTests.CatalogPath);
        var catalog = FormCatalog.Parse(catalogText);
        var corpus = CorpusLabels.Read(CorpusTests.CorpusDir, catalog);
        var options = new TrainerOptions(VariantsPerLayout: 6, OtherTables: 6, HeldOutPerLayout: 2, HeldOutWordingsPerLayout: 1, HeldOutOtherTables: 2,
            Softmax: new SoftmaxOptions(MaxIterations: 60));
        var (a, ra) = MapperTrainer.Train(catalog, catalogText, corpus, options, leaveCorpusOut: false);
        var (b, _) = MapperTrainer.Train(catalog, catalogText, corpus, options, leaveCorpusOut: false);
        Assert.Equal(ClassifierKind.SdcaMaximumEntropy, a.Classifier.Kind);
        Assert.Equal(a.Serialize(), b.Serialize());
        // Even this small model reads the corpus headings it was trained on, and has the same classes as the shipped one.
        Assert.True(ra.Corpus.Total.Accuracy > 0.95, $"corpus accuracy {ra.Corpus.Total.Accuracy:P1}");
        Assert.NotNull(ra.Metrics);
        Assert.Equal(Shipped.Value.Model.Classes, a.Classes);
        var (c, _) = MapperTrainer.Train(catalog, catalogText, corpus, options with { Seed = 7 }, leaveCorpusOut: false);
        Assert.NotEqual(a.Serialize(), c.Serialize());
    }

    [Fact]
    public void The_softmax_baseline_saves_as_json_and_is_compared_beside_ml_net()
    {
        var catalogText = File.ReadAllText(FormCatalogTests.CatalogPath);
        var catalog = FormCatalog.Parse(catalogText);
        var corpus = CorpusLabels.Read(CorpusTests.CorpusDir, catalog);
        var options = new TrainerOptions(VariantsPerLayout: 4, OtherTables: 4, HeldOutPerLayout: 1, HeldOutWordingsPerLayout: 1, HeldOutOtherTables: 2,
            Classifier: ClassifierKind.Softmax, Softmax: new SoftmaxOptions(MaxIterations: 40));
        var (m, report) = MapperTrainer.Train(catalog, catalogText, corpus, options, leaveCorpusOut: false,
            compare: [ClassifierKind.Softmax, ClassifierKind.LbfgsMaximumEntropy]);
        var bytes = m.Serialize();
        Assert.Equal((byte)'{', bytes[0]);
        var again = ColumnMapperModel.Parse(bytes);
        Assert.IsType<SoftmaxColumnClassifier>(again.Classifier);
        var cols = corpus[0].Columns;
        Assert.Equal(m.Classify(cols, 1), again.Classify(cols, 1));
        Assert.Equal([ClassifierKind.Softmax, ClassifierKind.LbfgsMaximumEntropy], report.Comparison!.Select(x => x.Kind));
        Assert.Null(report.Comparison![0].Metrics);
        Assert.NotNull(report.Comparison![1].Metrics);
        Assert.All(report.Comparison!, x => Assert.True(x.Bytes > 0 && x.HeldOut.Total.Columns == report.HeldOut.Total.Columns));
        var table = ModelCard.ComparisonTable(report.Comparison!).ToList();
        Assert.Contains("| held-out split | Softmax | LbfgsMaximumEntropy |", table);
    }

    [Fact]
    public void Extraction_writes_column_confidences_and_canonical_names()
    {
        var r = Extractor.CreateDefault(ocrWorkers: 0).Extract(Path.Combine(CorpusTests.CorpusDir, "01-stttt-travinh-q2-2021.docx"));
        Assert.Equal("agency:so-thong-tin-va-truyen-thong", r.Header.AgencyKey);
        var t = r.Tables[0];
        Assert.False(t.NeedsReview);
        Assert.All(t.Columns, c => Assert.InRange(c.Confidence, 0.5, 1.0));
        Assert.Equal("field:xuat-ban-in-va-phat-hanh", t.Rows[0].LabelKey);
        Assert.Equal("Xuất bản, in và phát hành", t.Rows[0].CanonicalLabel);
        Assert.Null(t.Rows[^1].LabelKey); // TỔNG CỘNG
        using var doc = System.Text.Json.JsonDocument.Parse(RecordJson.Serialize(r));
        var h = doc.RootElement.GetProperty("header");
        Assert.Equal("Sở Thông tin và Truyền thông", h.GetProperty("canonicalAgency").GetString());
        var row = doc.RootElement.GetProperty("tables")[0].GetProperty("rows")[0];
        Assert.Equal("field:xuat-ban-in-va-phat-hanh", row.GetProperty("labelKey").GetString());
    }
}
