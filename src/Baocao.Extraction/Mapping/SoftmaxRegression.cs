using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;

namespace Baocao.Mapping;

/// <summary>One training example: the indices of its active (binary) features, its class, and how many times it counts.</summary>
public sealed record SparseExample(int[] Features, int Label, double Weight = 1.0);

/// <summary>L2 strength (on the weights, not the biases), and when the optimiser stops.</summary>
public sealed record SoftmaxOptions(double L2 = 1e-3, int MaxIterations = 400, double GradientTolerance = 1e-5, int Memory = 10);

/// <summary>
/// Multinomial logistic regression over sparse binary features: p(c | x) = softmax(b + Σ_f W[f, c]). Trained by
/// minimising the weighted mean negative log-likelihood plus (λ/2)·|W|² with L-BFGS (MathNet.Numerics; Microsoft.ML
/// is not reachable here). The start point is zero and the objective is summed in a fixed order, so training is
/// deterministic: the same data gives the same weights, bit for bit.
/// </summary>
public sealed class SoftmaxRegression
{
    public int FeatureCount { get; }
    public int ClassCount { get; }

    /// <summary>Row-major [feature, class].</summary>
    public float[] Weights { get; }
    public float[] Bias { get; }

    public SoftmaxRegression(int features, int classes, float[] weights, float[] bias)
    {
        if (weights.Length != features * classes) throw new ArgumentException($"{weights.Length} weights for {features} features × {classes} classes");
        if (bias.Length != classes) throw new ArgumentException($"{bias.Length} biases for {classes} classes");
        (FeatureCount, ClassCount, Weights, Bias) = (features, classes, weights, bias);
    }

    /// <summary>Class probabilities for a set of active features (indices out of range are ignored).</summary>
    public double[] Probabilities(IEnumerable<int> features)
    {
        var scores = new double[ClassCount];
        for (var c = 0; c < ClassCount; c++) scores[c] = Bias[c];
        foreach (var f in features)
        {
            if ((uint)f >= (uint)FeatureCount) continue;
            var row = f * ClassCount;
            for (var c = 0; c < ClassCount; c++) scores[c] += Weights[row + c];
        }
        SoftmaxInPlace(scores);
        return scores;
    }

    public static SoftmaxRegression Train(IReadOnlyList<SparseExample> data, int features, int classes, SoftmaxOptions options)
    {
        if (data.Count == 0) throw new ArgumentException("no training examples");
        var n = features * classes + classes;
        var best = (value: double.PositiveInfinity, point: new double[n]);
        Func<Vector<double>, (double, Vector<double>)> valueAndGradient = v =>
        {
            var theta = v.AsArray() ?? v.ToArray();
            var grad = new double[n];
            var value = Objective(theta, data, features, classes, options.L2, grad);
            // MathNet stops with an exception at the iteration limit or when a line search cannot improve any more;
            // the best point seen is then the answer, so keep it.
            if (value < best.value) best = (value, (double[])theta.Clone());
            return (value, Vector<double>.Build.DenseOfArray(grad));
        };
        var objective = ObjectiveFunction.Gradient(valueAndGradient);
        var minimizer = new LimitedMemoryBfgsMinimizer(options.GradientTolerance, 1e-12, 1e-12, options.Memory, options.MaxIterations);
        double[] result;
        try { result = minimizer.FindMinimum(objective, Vector<double>.Build.Dense(n)).MinimizingPoint.ToArray(); }
        catch (OptimizationException) { result = best.point; }
        if (Objective(best.point, data, features, classes, options.L2, null) < Objective(result, data, features, classes, options.L2, null))
            result = best.point;
        var w = new float[features * classes];
        for (var i = 0; i < w.Length; i++) w[i] = (float)result[i];
        var b = new float[classes];
        for (var c = 0; c < classes; c++) b[c] = (float)result[features * classes + c];
        return new SoftmaxRegression(features, classes, w, b);
    }

    /// <summary>
    /// The training objective at θ = [W row-major, b]: weighted mean negative log-likelihood + (λ/2)|W|². Fills
    /// <paramref name="grad"/> (same layout) when it is not null. Public for the gradient check in the tests.
    /// </summary>
    public static double Objective(double[] theta, IReadOnlyList<SparseExample> data, int features, int classes, double l2, double[]? grad)
    {
        var biasAt = features * classes;
        var scores = new double[classes];
        double loss = 0, totalWeight = 0;
        foreach (var ex in data) totalWeight += ex.Weight;
        foreach (var ex in data)
        {
            for (var c = 0; c < classes; c++) scores[c] = theta[biasAt + c];
            foreach (var f in ex.Features)
            {
                var row = f * classes;
                for (var c = 0; c < classes; c++) scores[c] += theta[row + c];
            }
            var logZ = LogSumExp(scores);
            loss += ex.Weight * (logZ - scores[ex.Label]);
            if (grad is null) continue;
            var scale = ex.Weight / totalWeight;
            for (var c = 0; c < classes; c++) scores[c] = Math.Exp(scores[c] - logZ) * scale;
            scores[ex.Label] -= scale;
            for (var c = 0; c < classes; c++) grad[biasAt + c] += scores[c];
            foreach (var f in ex.Features)
            {
                var row = f * classes;
                for (var c = 0; c < classes; c++) grad[row + c] += scores[c];
            }
        }
        double reg = 0;
        for (var i = 0; i < biasAt; i++)
        {
            reg += theta[i] * theta[i];
            if (grad is not null) grad[i] += l2 * theta[i];
        }
        return loss / totalWeight + 0.5 * l2 * reg;
    }

    private static double LogSumExp(double[] s)
    {
        var max = s.Max();
        double sum = 0;
        foreach (var x in s) sum += Math.Exp(x - max);
        return max + Math.Log(sum);
    }

    internal static void SoftmaxInPlace(double[] s)
    {
        var logZ = LogSumExp(s);
        for (var c = 0; c < s.Length; c++) s[c] = Math.Exp(s[c] - logZ);
    }
}
