using System.Collections.Concurrent;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace Baocao.Mapping;

/// <summary>One column as ML.NET sees it: its feature strings, its class (empty when predicting) and its weight.</summary>
public sealed class MlColumnRow
{
    [VectorType] public string[] Features { get; set; } = [];
    public string Label { get; set; } = "";
    public float Weight { get; set; } = 1;
}

/// <summary>The classes in order, as the one-column view ML.NET's key mapping takes its keys from.</summary>
public sealed class MlClassRow
{
    public string Label { get; set; } = "";
}

/// <summary>What the mapper reads back from ML.NET: the class probabilities, in the label key order (= the classes).</summary>
public sealed class MlColumnScore
{
    [VectorType] public float[] Score { get; set; } = [];
}

/// <summary>ML.NET's figures on a labelled set (per column, the classifier alone, before the joint assignment).</summary>
public sealed record MlMetrics(double MicroAccuracy, double MacroAccuracy, double LogLoss, double LogLossReduction, double Top3Accuracy, int Columns);

/// <summary>Trainer settings that ML.NET exposes and we set (null: ML.NET's default).</summary>
public sealed record MlNetOptions(int? MaxIterations = null, float? L2 = null, float? L1 = null);

/// <summary>
/// The column classifier trained and run by ML.NET: the feature strings become a bag over the training vocabulary
/// (MapValueToKey + MapKeyToVector: unknown features map to no slot), the label a key in the classes' order (so the
/// Score vector is in <see cref="Classes"/> order), then a multiclass maximum-entropy trainer. The ITransformer is
/// saved as ML.NET's model file. Prediction engines are not thread-safe: a small pool lends one per call.
/// </summary>
public sealed class MlNetColumnClassifier : IColumnClassifier
{
    public const string FeatureVector = "FeatureVector";
    public ClassifierKind Kind { get; }
    public IReadOnlyList<string> Classes { get; }
    public ITransformer Model { get; }
    public DataViewSchema InputSchema { get; }
    private readonly MLContext ml;
    private readonly ConcurrentBag<PredictionEngine<MlColumnRow, MlColumnScore>> engines = [];

    public MlNetColumnClassifier(MLContext ml, ClassifierKind kind, IReadOnlyList<string> classes, ITransformer model, DataViewSchema inputSchema)
    {
        (this.ml, Kind, Classes, Model, InputSchema) = (ml, kind, classes, model, inputSchema);
        // The Score slots must be the classes in order, else every probability would land on the wrong key.
        var output = model.GetOutputSchema(inputSchema);
        var score = output.GetColumnOrNull("Score") ?? throw new FormatException("the ML.NET model has no Score column");
        var slots = default(VBuffer<ReadOnlyMemory<char>>);
        if (!score.HasSlotNames()) throw new FormatException("the ML.NET model's scores have no class names");
        score.GetSlotNames(ref slots);
        var names = slots.DenseValues().Select(s => s.ToString()).ToList();
        if (!names.SequenceEqual(classes)) throw new FormatException("the ML.NET model's classes differ from the mapper's");
        engines.Add(ml.Model.CreatePredictionEngine<MlColumnRow, MlColumnScore>(model, inputSchema));
    }

    public double[] Probabilities(IReadOnlyList<string> features)
    {
        if (!engines.TryTake(out var engine)) engine = ml.Model.CreatePredictionEngine<MlColumnRow, MlColumnScore>(Model, InputSchema);
        try
        {
            var score = engine.Predict(new MlColumnRow { Features = features.Distinct(StringComparer.Ordinal).ToArray() }).Score;
            var p = new double[Classes.Count];
            for (var c = 0; c < p.Length; c++) p[c] = score[c];
            return p;
        }
        finally { engines.Add(engine); }
    }

    /// <summary>
    /// Trains on distinct examples (feature strings already limited to the vocabulary, weight = how many columns
    /// share them). Deterministic: one thread, and every random draw (SDCA's shuffling) from <paramref name="seed"/>.
    /// </summary>
    public static MlNetColumnClassifier Train(IReadOnlyList<string> classes, IEnumerable<MlColumnRow> rows, ClassifierKind kind, int seed, MlNetOptions? options = null)
    {
        options ??= new MlNetOptions();
        var ml = new MLContext(seed);
        var data = ml.Data.LoadFromEnumerable(rows);
        var keys = ml.Data.LoadFromEnumerable(classes.Select(c => new MlClassRow { Label = c }));
        IEstimator<ITransformer> trainer = kind switch
        {
            ClassifierKind.SdcaMaximumEntropy => ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(new SdcaMaximumEntropyMulticlassTrainer.Options
            {
                LabelColumnName = "Label", FeatureColumnName = FeatureVector, ExampleWeightColumnName = nameof(MlColumnRow.Weight),
                NumberOfThreads = 1, MaximumNumberOfIterations = options.MaxIterations, L2Regularization = options.L2, L1Regularization = options.L1,
            }),
            ClassifierKind.LbfgsMaximumEntropy => ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(new LbfgsMaximumEntropyMulticlassTrainer.Options
            {
                LabelColumnName = "Label", FeatureColumnName = FeatureVector, ExampleWeightColumnName = nameof(MlColumnRow.Weight),
                NumberOfThreads = 1, MaximumNumberOfIterations = options.MaxIterations ?? int.MaxValue,
                L2Regularization = options.L2 ?? 1f, L1Regularization = options.L1 ?? 1f,
            }),
            _ => throw new ArgumentException($"{kind} is not an ML.NET trainer"),
        };
        var pipeline = ml.Transforms.Conversion.MapValueToKey("Label", "Label", keyData: keys)
            .Append(ml.Transforms.Conversion.MapValueToKey("FeatureKeys", nameof(MlColumnRow.Features)))
            .Append(ml.Transforms.Conversion.MapKeyToVector(FeatureVector, "FeatureKeys", outputCountVector: true))
            .AppendCacheCheckpoint(ml)
            .Append(trainer);
        var model = pipeline.Fit(data);
        return new MlNetColumnClassifier(ml, kind, classes, model, data.Schema);
    }

    /// <summary>ML.NET's multiclass metrics of the classifier alone on labelled columns.</summary>
    public MlMetrics Evaluate(IReadOnlyList<MlColumnRow> rows)
    {
        var scored = Model.Transform(ml.Data.LoadFromEnumerable(rows));
        var m = ml.MulticlassClassification.Evaluate(scored, topKPredictionCount: 3);
        return new MlMetrics(m.MicroAccuracy, m.MacroAccuracy, m.LogLoss, m.LogLossReduction, m.TopKAccuracy, rows.Count);
    }

    public void Save(Stream stream) => ml.Model.Save(Model, InputSchema, stream);

    public static MlNetColumnClassifier Load(Stream stream, ClassifierKind kind, IReadOnlyList<string> classes)
    {
        var ml = new MLContext();
        var model = ml.Model.Load(stream, out var schema);
        return new MlNetColumnClassifier(ml, kind, classes, model, schema);
    }
}
