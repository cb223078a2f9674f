using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Baocao.Interpretation;
using Baocao.Mapping;

namespace Baocao.Tools.Training;

/// <summary>How the training set is made and the model trained. The seed fixes every random draw of the generator.</summary>
public sealed record TrainerOptions(
    int Seed = 2020,
    int VariantsPerLayout = 300,
    int OtherTables = 150,
    int HeldOutPerLayout = 100,
    int HeldOutWordingsPerLayout = 30,
    int HeldOutOtherTables = 40,
    int MinFeatureCount = 2,
    double PruneBelow = 0.02,
    double Threshold = 0.5,
    ClassifierKind Classifier = ClassifierKind.SdcaMaximumEntropy,
    SoftmaxOptions? Softmax = null,
    MlNetOptions? MlNet = null);

/// <summary>The accuracy of one group of tables (a form, or a table type). Correct: the printed key (null for a role) is right.</summary>
public sealed record GroupScore(string Group, int Tables, int Columns, int Correct, int ArgmaxCorrect, int Doubtful, int TablesAllRight)
{
    public double Accuracy => Columns == 0 ? 1 : (double)Correct / Columns;
    public double ArgmaxAccuracy => Columns == 0 ? 1 : (double)ArgmaxCorrect / Columns;
}

/// <summary>One wrong column, for the model card and for debugging the catalog.</summary>
public sealed record ColumnError(string Family, string Header, string Expected, string Predicted, double Confidence);

public sealed record Evaluation(IReadOnlyList<GroupScore> Groups, IReadOnlyList<ColumnError> Errors)
{
    public GroupScore Total => new("all", Groups.Sum(g => g.Tables), Groups.Sum(g => g.Columns), Groups.Sum(g => g.Correct),
        Groups.Sum(g => g.ArgmaxCorrect), Groups.Sum(g => g.Doubtful), Groups.Sum(g => g.TablesAllRight));
}

public sealed record TrainingReport(
    string Version, int Seed, int TrainTables, int TrainColumns, int DistinctExamples, int CandidateFeatures, int Features, int Classes,
    TimeSpan TrainingTime, Evaluation HeldOut, Evaluation HeldOutLayouts, Evaluation HeldOutWordings, Evaluation Corpus,
    Evaluation? CorpusLeftOut, Evaluation RuleBaseline, IReadOnlyList<string> TrainLayouts, IReadOnlyList<string> HeldOutLayoutIds,
    ClassifierKind Classifier, MlMetrics? Metrics, IReadOnlyList<TrainerComparison>? Comparison = null);

/// <summary>
/// One classifier of the side-by-side comparison, trained on the same tables and measured on the same held-out split
/// as it loads from its file: accuracy, file size, load time (median of 5 loads, after one), time per table (the
/// classifier and the joint assignment, over the whole held-out split).
/// </summary>
public sealed record TrainerComparison(ClassifierKind Kind, Evaluation HeldOut, Evaluation HeldOutLayouts, Evaluation HeldOutWordings, Evaluation Corpus,
    MlMetrics? Metrics, long Bytes, double LoadMilliseconds, double MillisecondsPerTable, TimeSpan TrainingTime);

/// <summary>
/// Builds the column mapper from the catalog and the corpus: generates the labelled tables (training split from the
/// train layouts and wordings, held-out split from held-out layouts and wordings that training never sees), trains
/// the classifier, drops the features it gave no weight, and measures the result on the held-out split and on the
/// corpus. Deterministic: the same catalog, corpus and seed give the same model file.
/// </summary>
public static class MapperTrainer
{
    public static (ColumnMapperModel Model, TrainingReport Report) Train(FormCatalog catalog, string catalogText, IReadOnlyList<LabelledTable> corpus,
        TrainerOptions options, bool leaveCorpusOut = true, Action<string>? log = null, IReadOnlyList<ClassifierKind>? compare = null)
    {
        log ??= _ => { };
        CheckSplit(catalog);
        var generator = new TableGenerator(catalog, NameNormalizer.Default);
        var synthetic = TrainingTables(catalog, generator, options);
        var heldOutLayouts = catalog.Layouts.Where(l => l.HeldOut)
            .SelectMany(l => generator.FromLayout(l, options.HeldOutPerLayout, true, Seed(options.Seed, "heldout/" + l.Id))).ToList();
        var heldOutWordings = catalog.Layouts.Where(l => !l.HeldOut)
            .SelectMany(l => generator.FromLayout(l, options.HeldOutWordingsPerLayout, true, Seed(options.Seed, "wordings/" + l.Id)))
            .Concat(generator.OtherTables(options.HeldOutOtherTables, true, Seed(options.Seed, "heldout/other"))).ToList();
        var heldOut = heldOutLayouts.Concat(heldOutWordings).ToList();

        var watch = Stopwatch.StartNew();
        var training = corpus.Concat(synthetic).ToList();
        log($"training on {training.Count} tables ({training.Sum(t => t.Columns.Count)} columns): {corpus.Count} from the corpus, {synthetic.Count} generated");
        var version = Version(catalogText, corpus, options);
        var (model, stats) = Fit(catalog, training, options, options.Classifier, version, log);
        watch.Stop();
        log($"{options.Classifier} trained in {watch.Elapsed.TotalSeconds:0.0} s: {stats.features} features of {stats.candidates}");

        var mapper = new ModelColumnMapper(model);
        Evaluation? leftOut = null;
        if (leaveCorpusOut && corpus.Count > 0)
        {
            log("leave-corpus-out check: training again without the corpus tables");
            var (withoutCorpus, _) = Fit(catalog, synthetic, options, options.Classifier, "leave-corpus-out", _ => { });
            leftOut = Evaluate(new ModelColumnMapper(withoutCorpus), corpus);
        }
        var metrics = model.Classifier is MlNetColumnClassifier ml ? ml.Evaluate(MlRows(model, heldOut)) : null;
        List<TrainerComparison>? comparison = null;
        if (compare is not null)
        {
            comparison = [];
            foreach (var kind in compare)
            {
                ColumnMapperModel m;
                TimeSpan time;
                if (kind == options.Classifier) (m, time) = (model, watch.Elapsed);
                else
                {
                    log($"comparison: training {kind}");
                    var w = Stopwatch.StartNew();
                    m = Fit(catalog, training, options, kind, version, _ => { }).model;
                    time = w.Elapsed;
                }
                comparison.Add(Measure(m, time, heldOut, heldOutLayouts, heldOutWordings, corpus));
                log($"comparison: {kind} held-out {100 * comparison[^1].HeldOut.Total.Accuracy:0.00} %");
            }
        }
        var report = new TrainingReport(model.Version, options.Seed, training.Count, training.Sum(t => t.Columns.Count), stats.examples, stats.candidates,
            stats.features, model.Classes.Count, watch.Elapsed,
            Evaluate(mapper, heldOut), Evaluate(mapper, heldOutLayouts), Evaluate(mapper, heldOutWordings), Evaluate(mapper, corpus), leftOut,
            Evaluate(new RuleTableColumnMapper(), heldOut),
            catalog.Layouts.Where(l => !l.HeldOut).Select(l => l.Id).ToList(), catalog.Layouts.Where(l => l.HeldOut).Select(l => l.Id).ToList(),
            options.Classifier, metrics, comparison);
        return (model, report);
    }

    /// <summary>Saves the model to a scratch file and measures it as extraction will use it (see <see cref="TrainerComparison"/>).</summary>
    private static TrainerComparison Measure(ColumnMapperModel model, TimeSpan trainingTime, IReadOnlyList<LabelledTable> heldOut,
        IReadOnlyList<LabelledTable> heldOutLayouts, IReadOnlyList<LabelledTable> heldOutWordings, IReadOnlyList<LabelledTable> corpus)
    {
        var path = Path.Combine(Path.GetTempPath(), $"baocao-compare-{Guid.NewGuid():N}");
        try
        {
            model.Save(path);
            var bytes = new FileInfo(path).Length;
            var loaded = ColumnMapperModel.Load(path);
            var loads = new List<double>();
            for (var i = 0; i < 5; i++)
            {
                var w = Stopwatch.StartNew();
                loaded = ColumnMapperModel.Load(path);
                loads.Add(w.Elapsed.TotalMilliseconds);
            }
            loads.Sort();
            var mapper = new ModelColumnMapper(loaded);
            foreach (var t in heldOut.Take(20)) mapper.Choose(t.Form, t.Columns);
            var clock = Stopwatch.StartNew();
            foreach (var t in heldOut) mapper.Choose(t.Form, t.Columns);
            var perTable = clock.Elapsed.TotalMilliseconds / Math.Max(1, heldOut.Count);
            var metrics = loaded.Classifier is MlNetColumnClassifier ml ? ml.Evaluate(MlRows(loaded, heldOut)) : null;
            return new TrainerComparison(model.Classifier.Kind, Evaluate(mapper, heldOut), Evaluate(mapper, heldOutLayouts), Evaluate(mapper, heldOutWordings),
                Evaluate(mapper, corpus), metrics, bytes, loads[2], perTable, trainingTime);
        }
        finally { File.Delete(path); }
    }

    /// <summary>The labelled columns of some tables as ML.NET rows (for ML.NET's metrics).</summary>
    private static List<MlColumnRow> MlRows(ColumnMapperModel model, IEnumerable<LabelledTable> tables) =>
        tables.SelectMany(t => Enumerable.Range(0, t.Columns.Count)
            .Select(i => new MlColumnRow { Features = model.Featurizer.Features(t.Columns, i).Distinct(StringComparer.Ordinal).ToArray(), Label = t.Classes[i] })).ToList();

    public static List<LabelledTable> TrainingTables(FormCatalog catalog, TableGenerator generator, TrainerOptions options) =>
        catalog.Layouts.Where(l => !l.HeldOut)
            .SelectMany(l => generator.FromLayout(l, options.VariantsPerLayout, false, Seed(options.Seed, "train/" + l.Id)))
            .Concat(generator.OtherTables(options.OtherTables, false, Seed(options.Seed, "train/other"))).ToList();

    /// <summary>The classes: the roles, then every field of the catalog, in catalog order.</summary>
    public static List<string> Classes(FormCatalog catalog) => catalog.Roles.Select(r => r.Key).Concat(catalog.Fields.Select(f => f.Key)).ToList();

    private static (ColumnMapperModel model, (int examples, int candidates, int features) stats) Fit(FormCatalog catalog,
        IReadOnlyList<LabelledTable> tables, TrainerOptions options, ClassifierKind kind, string version, Action<string> log)
    {
        var classes = Classes(catalog);
        var classIndex = classes.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i);
        var featurizer = new ColumnFeaturizer(catalog.Abbreviations);
        var featureLists = new List<(List<string> features, int label)>();
        foreach (var t in tables)
            for (var i = 0; i < t.Columns.Count; i++)
                featureLists.Add((featurizer.Features(t.Columns, i), classIndex[t.Classes[i]]));

        // The vocabulary: features seen in at least MinFeatureCount columns, in ordinal order.
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (features, _) in featureLists)
            foreach (var f in features.Distinct())
                counts[f] = counts.GetValueOrDefault(f) + 1;
        var vocabulary = counts.Where(p => p.Value >= options.MinFeatureCount).Select(p => p.Key).Order(StringComparer.Ordinal).ToList();
        var index = vocabulary.Select((f, i) => (f, i)).ToDictionary(x => x.f, x => x.i, StringComparer.Ordinal);

        // Identical columns count once, with their number as weight (clean variants repeat).
        var examples = new List<SparseExample>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (features, label) in featureLists)
        {
            var idx = features.Where(index.ContainsKey).Select(f => index[f]).Distinct().Order().ToArray();
            var key = label + ":" + string.Join(',', idx);
            if (seen.TryGetValue(key, out var at)) examples[at] = examples[at] with { Weight = examples[at].Weight + 1 };
            else { seen[key] = examples.Count; examples.Add(new SparseExample(idx, label)); }
        }
        log($"{featureLists.Count} columns, {examples.Count} distinct, {vocabulary.Count} features, {classes.Count} classes");
        var schemas = catalog.Schemas.Select(s => new AssignmentSchema(s.Id, s.Forms, s.Keys)).ToList();
        var sums = catalog.Fields.Where(f => f.Sums.Count > 0).ToDictionary(f => f.Key, f => f.Sums);
        if (kind != ClassifierKind.Softmax)
        {
            // ML.NET learns the vocabulary from the rows it is given: features seen once are left out here, as for the softmax.
            var rows = examples.Select(e => new MlColumnRow { Features = e.Features.Select(f => vocabulary[f]).ToArray(), Label = classes[e.Label], Weight = (float)e.Weight });
            var ml = MlNetColumnClassifier.Train(classes, rows, kind, options.Seed, options.MlNet);
            var mlModel = new ColumnMapperModel(version, options.Seed, options.Threshold, classes, schemas, sums, featurizer, ml).AsLoaded();
            return (mlModel, (examples.Count, vocabulary.Count, vocabulary.Count));
        }
        var regression = SoftmaxRegression.Train(examples, vocabulary.Count, classes.Count, options.Softmax ?? new SoftmaxOptions());

        // A feature's weights matter only as differences between classes; one with none worth keeping is dropped.
        var keptFeatures = new List<string>();
        var kept = new List<float>();
        var c = classes.Count;
        for (var f = 0; f < vocabulary.Count; f++)
        {
            var row = regression.Weights.AsSpan(f * c, c);
            double mean = 0;
            foreach (var w in row) mean += w;
            mean /= c;
            var spread = 0.0;
            foreach (var w in row) spread = Math.Max(spread, Math.Abs(w - mean));
            if (spread < options.PruneBelow) continue;
            keptFeatures.Add(vocabulary[f]);
            foreach (var w in row) kept.Add((float)(w - mean));
        }
        var compact = new SoftmaxColumnClassifier(classes, keptFeatures, new SoftmaxRegression(keptFeatures.Count, c, kept.ToArray(), regression.Bias));
        var model = new ColumnMapperModel(version, options.Seed, options.Threshold, classes, schemas, sums, featurizer, compact).AsLoaded();
        return (model, (examples.Count, vocabulary.Count, keptFeatures.Count));
    }

    /// <summary>Column accuracy per group: the joint assignment, the classifier's own best guess (argmax) for comparison.</summary>
    public static Evaluation Evaluate(ModelColumnMapper mapper, IEnumerable<LabelledTable> tables)
    {
        var groups = new SortedDictionary<string, int[]>(StringComparer.Ordinal);
        var errors = new List<ColumnError>();
        foreach (var t in tables)
        {
            var choices = mapper.Choose(t.Form, t.Columns);
            var s = groups.TryGetValue(t.Group, out var g) ? g : groups[t.Group] = new int[6];
            var allRight = true;
            for (var i = 0; i < t.Columns.Count; i++)
            {
                var expected = Print(t.Classes[i]);
                var got = Print(choices[i].Class);
                var argmax = Print(mapper.Model.Classes[ArgMax(mapper.Model.Classify(t.Columns, i))]);
                s[1]++;
                if (expected == got) s[2]++;
                else
                {
                    allRight = false;
                    errors.Add(new ColumnError(t.Family, t.Columns[i].Header, expected ?? "(null)", got ?? "(null)", choices[i].Confidence));
                }
                if (expected == argmax) s[3]++;
                if (choices[i].Confidence < mapper.ReviewThreshold) s[4]++;
            }
            s[0]++;
            if (allRight) s[5]++;
        }
        return new Evaluation(groups.Select(p => new GroupScore(p.Key, p.Value[0], p.Value[1], p.Value[2], p.Value[3], p.Value[4], p.Value[5])).ToList(), errors);
    }

    /// <summary>The hand-written rule table on the same tables, as a baseline (argmax = its own answer).</summary>
    public static Evaluation Evaluate(IColumnMapper rules, IEnumerable<LabelledTable> tables)
    {
        var groups = new SortedDictionary<string, int[]>(StringComparer.Ordinal);
        foreach (var t in tables)
        {
            var maps = rules.Map(TableContext.None with { Form = t.Form }, t.Columns);
            var s = groups.TryGetValue(t.Group, out var g) ? g : groups[t.Group] = new int[6];
            var right = 0;
            for (var i = 0; i < t.Columns.Count; i++)
            {
                var got = maps[i].Confidence >= rules.ReviewThreshold ? maps[i].Key : null;
                if (got == Print(t.Classes[i])) right++;
            }
            s[0]++;
            s[1] += t.Columns.Count;
            s[2] += right;
            s[3] += right;
            if (right == t.Columns.Count) s[5]++;
        }
        return new Evaluation(groups.Select(p => new GroupScore(p.Key, p.Value[0], p.Value[1], p.Value[2], p.Value[3], p.Value[4], p.Value[5])).ToList(), []);
    }

    private static string? Print(string cls) => FormCatalog.IsRole(cls) ? null : cls;

    private static int ArgMax(double[] p)
    {
        var best = 0;
        for (var i = 1; i < p.Length; i++)
            if (p[i] > p[best]) best = i;
        return best;
    }

    /// <summary>
    /// The held-out split is honest only if training never sees its wordings: no wording of a held-out pool may be
    /// a training wording or appear in a training layout (compared folded).
    /// </summary>
    public static void CheckSplit(FormCatalog catalog)
    {
        var train = new HashSet<string>(StringComparer.Ordinal);
        void AddTrain(IEnumerable<string> ws) { foreach (var w in ws) train.Add(Text.VietText.Fold(w)); }
        foreach (var r in catalog.Roles) AddTrain(r.Flat.Train);
        foreach (var f in catalog.Fields) { AddTrain(f.Leaf.Train); AddTrain(f.Flat.Train); }
        foreach (var h in catalog.Headings) AddTrain(h.Train);
        foreach (var l in catalog.Layouts.Where(l => !l.HeldOut)) AddTrain(l.Columns.SelectMany(c => c.Path));
        var held = catalog.Roles.SelectMany(r => r.Flat.HeldOut)
            .Concat(catalog.Fields.SelectMany(f => f.Leaf.HeldOut.Concat(f.Flat.HeldOut)))
            .Concat(catalog.Headings.SelectMany(h => h.HeldOut));
        var leaks = held.Where(w => train.Contains(Text.VietText.Fold(w))).Distinct().ToList();
        if (leaks.Count > 0) throw new CatalogException("form catalog", $"held-out wordings also used for training: {string.Join("; ", leaks)}");
    }

    /// <summary>A seed per purpose, so that adding a layout does not change the others' variants.</summary>
    public static int Seed(int seed, string purpose)
    {
        var h = 2166136261u;
        foreach (var ch in purpose) h = (h ^ ch) * 16777619u;
        return (int)((h ^ (uint)seed) & 0x7fffffff);
    }

    private static string Version(string catalogText, IReadOnlyList<LabelledTable> corpus, TrainerOptions o)
    {
        var sb = new StringBuilder(catalogText);
        foreach (var t in corpus)
        {
            sb.Append('\n').Append(t.Family);
            for (var i = 0; i < t.Columns.Count; i++) sb.Append('|').Append(t.Columns[i].Header).Append('=').Append(t.Classes[i]);
        }
        sb.Append('\n').Append(o with { Softmax = o.Softmax ?? new SoftmaxOptions(), MlNet = o.MlNet ?? new MlNetOptions() });
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sb.ToString())))[..8];
        return $"catalog {FormCatalogVersion(catalogText)} · features v{ColumnFeaturizer.Version} · data {hash}";
    }

    private static string FormCatalogVersion(string catalogText) => FormCatalog.Parse(catalogText).Version;
}
