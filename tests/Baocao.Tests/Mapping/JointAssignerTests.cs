using Baocao.Mapping;

namespace Baocao.Tests.Mapping;

public class JointAssignerTests
{
    private static readonly string[] Classes = ["_stt", "_label", "_other", "received.total", "received.online", "received.direct", "received.carried_over", "dvc.level3.assigned"];

    private static JointAssigner Assigner() => new(Classes,
        [new AssignmentSchema("dossier", ["II.06a"], ["received.total", "received.online", "received.direct", "received.carried_over"]),
         new AssignmentSchema("dvc", ["II.08"], ["dvc.level3.assigned"])],
        new Dictionary<string, IReadOnlyList<IReadOnlyList<string>>>
        {
            ["received.total"] = [["received.online", "received.direct", "received.carried_over"]],
        });

    /// <summary>A probability row that puts <paramref name="p"/> on each named class and spreads the rest.</summary>
    private static double[] P(params (string cls, double p)[] named)
    {
        var row = new double[Classes.Length];
        var rest = (1 - named.Sum(n => n.p)) / (Classes.Length - named.Length);
        for (var i = 0; i < row.Length; i++) row[i] = rest;
        foreach (var (cls, p) in named) row[Array.IndexOf(Classes, cls)] = p;
        return row;
    }

    [Fact]
    public void No_key_is_used_twice_and_roles_may_repeat()
    {
        var probs = new List<double[]>
        {
            P(("_other", 0.9)), P(("_other", 0.9)),
            P(("received.online", 0.6), ("received.direct", 0.3)),
            P(("received.online", 0.55), ("received.direct", 0.4)),
        };
        var r = Assigner().Assign(probs, [null, null, null, null], [null, null, null, null], null);
        Assert.Equal(["_other", "_other", "received.online", "received.direct"], r.Select(c => c.Class));
    }

    [Fact]
    public void A_declared_formula_makes_its_column_the_total_of_its_parts()
    {
        // Column 3 reads more like "online" than "total", but it prints (3)=(4)+(5)+(6); column 4 is unsure.
        var probs = new List<double[]>
        {
            P(("_stt", 0.95)), P(("_label", 0.95)),
            P(("received.online", 0.6), ("received.total", 0.3)),
            P(("received.online", 0.35), ("_other", 0.3)),
            P(("received.direct", 0.8)),
            P(("received.carried_over", 0.8)),
        };
        int?[] numbers = [1, 2, 3, 4, 5, 6];
        string?[] formulas = [null, null, "(3)=(4)+(5)+(6)", null, null, null];
        var r = Assigner().Assign(probs, numbers, formulas, "II.06a");
        Assert.Equal(["_stt", "_label", "received.total", "received.online", "received.direct", "received.carried_over"], r.Select(c => c.Class));
        // Without the formula the classifier's preference wins, and the doubt shows in the confidence.
        var plain = Assigner().Assign(probs, numbers, [null, null, null, null, null, null], "II.06a");
        Assert.Equal("received.online", plain[2].Class);
        Assert.True(r[2].Confidence > plain[2].Confidence);
    }

    [Fact]
    public void A_formula_that_lost_a_term_in_reading_is_no_evidence()
    {
        // "(3)=(4)+(5)+(6)" read by OCR as "(3)=(5)+(6)": no sum of the catalog has those two parts, but the formula
        // must not drag the clear columns onto other keys.
        var probs = new List<double[]>
        {
            P(("received.total", 0.9)), P(("received.online", 0.9)), P(("received.direct", 0.9)), P(("received.carried_over", 0.9)),
        };
        var r = Assigner().Assign(probs, [3, 4, 5, 6], ["(3)=(5)+(6)", null, null, null], "II.06a");
        Assert.Equal(["received.total", "received.online", "received.direct", "received.carried_over"], r.Select(c => c.Class));
        Assert.All(r, c => Assert.True(c.Confidence > 0.9));
    }

    [Fact]
    public void Keys_come_from_one_schema_and_a_known_form_favours_its_own()
    {
        var probs = new List<double[]> { P(("received.total", 0.5), ("dvc.level3.assigned", 0.45)), P(("received.online", 0.7)) };
        var dossier = Assigner().Assign(probs, [null, null], [null, null], null);
        Assert.Equal(["received.total", "received.online"], dossier.Select(c => c.Class));
        // Under an II.08 caption the second column cannot be a dossier key and the first is the DVC key.
        var dvc = Assigner().Assign(probs, [null, null], [null, null], "II.08");
        Assert.Equal("dvc.level3.assigned", dvc[0].Class);
        Assert.DoesNotContain(dvc, c => c.Class.StartsWith("received", StringComparison.Ordinal));
    }

    [Fact]
    public void An_ambiguous_column_gets_a_low_confidence_and_a_clear_one_a_high_one()
    {
        var probs = new List<double[]> { P(("received.online", 0.34), ("received.direct", 0.33)), P(("received.carried_over", 0.97)) };
        var r = Assigner().Assign(probs, [null, null], [null, null], null);
        Assert.True(r[0].Confidence < 0.6, $"ambiguous: {r[0].Confidence}");
        Assert.True(r[1].Confidence > 0.9, $"clear: {r[1].Confidence}");
    }

    [Fact]
    public void An_empty_table_gives_nothing() =>
        Assert.Empty(Assigner().Assign([], [], [], null));
}
