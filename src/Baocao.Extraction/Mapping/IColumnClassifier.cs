namespace Baocao.Mapping;

/// <summary>Which classifier gives a column its probabilities. The joint assignment above it is the same for all.</summary>
public enum ClassifierKind
{
    /// <summary>Our own multinomial logistic regression (MathNet L-BFGS), kept as the baseline of the comparison.</summary>
    Softmax,
    /// <summary>ML.NET's LbfgsMaximumEntropy (multinomial logistic regression, L-BFGS).</summary>
    LbfgsMaximumEntropy,
    /// <summary>ML.NET's SdcaMaximumEntropy (multinomial logistic regression, stochastic dual coordinate ascent).</summary>
    SdcaMaximumEntropy,
}

/// <summary>
/// The per-column classifier behind the column mapper: for a column's features (the strings of
/// <see cref="ColumnFeaturizer.Features"/>), a probability for every class (roles and canonical keys) in
/// <see cref="Classes"/> order. Unknown features are ignored. Implementations are safe to call from several threads.
/// </summary>
public interface IColumnClassifier
{
    ClassifierKind Kind { get; }
    IReadOnlyList<string> Classes { get; }
    double[] Probabilities(IReadOnlyList<string> features);
}

/// <summary>The hand-written softmax regression over a feature vocabulary (the former shipped model).</summary>
public sealed class SoftmaxColumnClassifier : IColumnClassifier
{
    public ClassifierKind Kind => ClassifierKind.Softmax;
    public IReadOnlyList<string> Classes { get; }
    public IReadOnlyList<string> Vocabulary { get; }
    public SoftmaxRegression Regression { get; }
    private readonly Dictionary<string, int> index;

    public SoftmaxColumnClassifier(IReadOnlyList<string> classes, IReadOnlyList<string> vocabulary, SoftmaxRegression regression)
    {
        if (regression.FeatureCount != vocabulary.Count || regression.ClassCount != classes.Count)
            throw new ArgumentException("the regression does not match the vocabulary and the classes");
        (Classes, Vocabulary, Regression) = (classes, vocabulary, regression);
        index = new Dictionary<string, int>(vocabulary.Count, StringComparer.Ordinal);
        for (var i = 0; i < vocabulary.Count; i++) index[vocabulary[i]] = i;
    }

    public double[] Probabilities(IReadOnlyList<string> features) =>
        Regression.Probabilities(features.Select(f => index.TryGetValue(f, out var k) ? k : -1).Where(k => k >= 0).Distinct());

    /// <summary>Weights rounded to half precision, as the JSON file stores them.</summary>
    public SoftmaxColumnClassifier Quantised() =>
        new(Classes, Vocabulary, new SoftmaxRegression(Vocabulary.Count, Classes.Count, Regression.Weights.Select(x => (float)(Half)x).ToArray(), Regression.Bias.ToArray()));
}
