using Baocao.Mapping;

namespace Baocao.Tests.Mapping;

public class SoftmaxRegressionTests
{
    /// <summary>Three classes, each marked by its own feature, plus a noise feature shared by all.</summary>
    private static List<SparseExample> Separable() =>
    [
        new([0, 3], 0), new([0], 0, 2), new([1, 3], 1), new([1], 1), new([2, 3], 2), new([2], 2, 3),
    ];

    [Fact]
    public void It_learns_a_separable_problem()
    {
        var m = SoftmaxRegression.Train(Separable(), 4, 3, new SoftmaxOptions(L2: 1e-4));
        for (var c = 0; c < 3; c++)
        {
            var p = m.Probabilities([c, 3]);
            Assert.Equal(c, Array.IndexOf(p, p.Max()));
            Assert.True(p[c] > 0.9, $"class {c}: p = {p[c]:0.000}");
            Assert.Equal(1.0, p.Sum(), 6);
        }
    }

    [Fact]
    public void The_gradient_matches_finite_differences()
    {
        var data = Separable();
        const int features = 4, classes = 3;
        var rng = new Random(7);
        var theta = Enumerable.Range(0, features * classes + classes).Select(_ => rng.NextDouble() - 0.5).ToArray();
        var grad = new double[theta.Length];
        SoftmaxRegression.Objective(theta, data, features, classes, 0.1, grad);
        const double h = 1e-6;
        for (var i = 0; i < theta.Length; i++)
        {
            var plus = (double[])theta.Clone();
            var minus = (double[])theta.Clone();
            plus[i] += h;
            minus[i] -= h;
            var numeric = (SoftmaxRegression.Objective(plus, data, features, classes, 0.1, null) - SoftmaxRegression.Objective(minus, data, features, classes, 0.1, null)) / (2 * h);
            Assert.True(Math.Abs(numeric - grad[i]) < 1e-6, $"parameter {i}: analytic {grad[i]}, numeric {numeric}");
        }
    }

    [Fact]
    public void Training_twice_gives_the_same_weights_bit_for_bit()
    {
        var a = SoftmaxRegression.Train(Separable(), 4, 3, new SoftmaxOptions());
        var b = SoftmaxRegression.Train(Separable(), 4, 3, new SoftmaxOptions());
        Assert.Equal(a.Weights, b.Weights);
        Assert.Equal(a.Bias, b.Bias);
    }

    [Fact]
    public void A_stronger_l2_gives_smaller_weights()
    {
        var weak = SoftmaxRegression.Train(Separable(), 4, 3, new SoftmaxOptions(L2: 1e-4));
        var strong = SoftmaxRegression.Train(Separable(), 4, 3, new SoftmaxOptions(L2: 1.0));
        Assert.True(strong.Weights.Sum(w => w * w) < weak.Weights.Sum(w => w * w) / 10);
    }

    [Fact]
    public void Unknown_features_are_ignored_and_shapes_are_checked()
    {
        var m = SoftmaxRegression.Train(Separable(), 4, 3, new SoftmaxOptions());
        Assert.Equal(m.Probabilities([0]), m.Probabilities([0, 99, -1]));
        Assert.Throws<ArgumentException>(() => new SoftmaxRegression(4, 3, new float[5], new float[3]));
    }
}
