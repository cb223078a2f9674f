using Baocao.Mapping;

namespace Baocao.Tests.Mapping;

/// <summary>
/// The assigner's beam builds only its survivors (a speed change); this holds it to the plain beam it replaced, kept
/// here as the reference: every candidate materialised, all sorted stably, the best kept. Random tables with keys,
/// roles, formulas and forms must get the same classes and the same confidences, to the last bit.
/// </summary>
public class JointAssignerReferenceTests
{
    [Fact]
    public void The_survivors_only_beam_chooses_exactly_what_the_plain_beam_chose()
    {
        string[] classes = ["_stt", "_label", "_other", "a.total", "a.x", "a.y", "a.z", "b.total", "b.p", "b.q", "c.one", "c.two"];
        AssignmentSchema[] schemas =
        [
            new("a", ["II.06a"], ["a.total", "a.x", "a.y", "a.z"]),
            new("b", ["II.07"], ["b.total", "b.p", "b.q", "a.x"]),
            new("c", ["II.08"], ["c.one", "c.two"]),
        ];
        var sums = new Dictionary<string, IReadOnlyList<IReadOnlyList<string>>>
        {
            ["a.total"] = [["a.x", "a.y", "a.z"], ["a.x", "a.y"]],
            ["b.total"] = [["b.p", "b.q"]],
        };
        string?[] forms = [null, "II.06a", "II.07", "II.08", "X.99"];
        var rnd = new Random(20261203);
        for (var t = 0; t < 300; t++)
        {
            var n = 1 + rnd.Next(9);
            var probs = new List<double[]>();
            for (var i = 0; i < n; i++)
            {
                var row = classes.Select(_ => rnd.NextDouble() < 0.3 ? 0 : Math.Pow(rnd.NextDouble(), 3)).ToArray();
                if (row.Sum() == 0) row[rnd.Next(row.Length)] = 1;
                // Ties on purpose: equal scores must fall the same way in both.
                if (rnd.NextDouble() < 0.3) row[3] = row[4];
                var sum = row.Sum();
                probs.Add(row.Select(p => p / sum).ToArray());
            }
            var numbers = Enumerable.Range(0, n).Select(i => rnd.NextDouble() < 0.7 ? (int?)(i + 1) : null).ToList();
            var formulas = Enumerable.Range(0, n).Select(i => rnd.NextDouble() < 0.25 && i + 3 <= n
                ? $"({i + 1})=({i + 2})+({i + 3})" + (rnd.NextDouble() < 0.5 && i + 4 <= n ? $"+({i + 4})" : "")
                : null).ToList();
            var form = forms[rnd.Next(forms.Length)];
            var width = rnd.NextDouble() < 0.5 ? 48 : 1 + rnd.Next(6);
            var options = new AssignmentOptions(BeamWidth: width);

            var got = new JointAssigner(classes, schemas, sums, options).Assign(probs, numbers, formulas, form);
            var want = new ReferenceAssigner(classes, schemas, sums, options).Assign(probs, numbers, formulas, form);
            Assert.Equal(want.Select(c => c.Class), got.Select(c => c.Class));
            Assert.Equal(want.Select(c => c.Confidence), got.Select(c => c.Confidence));
        }
    }

    /// <summary>The beam as it was before (2026-12-03), every candidate a full state.</summary>
    private sealed class ReferenceAssigner(IReadOnlyList<string> classes, IReadOnlyList<AssignmentSchema> schemas,
        IReadOnlyDictionary<string, IReadOnlyList<IReadOnlyList<string>>> sums, AssignmentOptions options)
    {
        private readonly int[] roleClasses = classes.Select((c, i) => (c, i)).Where(x => FormCatalog.IsRole(x.c)).Select(x => x.i).ToArray();

        private sealed record State(int[] Assigned, HashSet<int> Used, double Score);

        private sealed record FormulaCheck(int Total, int[] Terms, int Last);

        public IReadOnlyList<ColumnChoice> Assign(IReadOnlyList<double[]> probabilities, IReadOnlyList<int?> numbers, IReadOnlyList<string?> formulas, string? form)
        {
            var n = probabilities.Count;
            var checks = FormulaChecks(numbers, formulas);
            var finals = new List<State>();
            var known = form is not null && schemas.Any(s => s.Forms.Contains(form, StringComparer.OrdinalIgnoreCase));
            foreach (var schema in schemas.Append(new AssignmentSchema("", [], [])))
            {
                var allowed = schema.Keys.Select(k => classes.ToList().IndexOf(k)).Where(i => i >= 0).Concat(roleClasses).ToArray();
                var prior = known && !schema.Forms.Contains(form!, StringComparer.OrdinalIgnoreCase) ? -options.FormPenalty : 0;
                finals.AddRange(Beam(probabilities, allowed, checks, prior));
            }
            var best = finals.MaxBy(s => s.Score)!;
            var max = best.Score;
            var total = finals.Sum(s => Math.Exp(s.Score - max));
            var result = new List<ColumnChoice>(n);
            for (var i = 0; i < n; i++)
            {
                var mine = Output(best.Assigned[i]);
                var share = finals.Where(s => Output(s.Assigned[i]) == mine).Sum(s => Math.Exp(s.Score - max)) / total;
                result.Add(new ColumnChoice(classes[best.Assigned[i]], Math.Clamp(share, 0, 1)));
            }
            return result;
        }

        private string? Output(int cls) => FormCatalog.IsRole(classes[cls]) ? null : classes[cls];

        private static List<FormulaCheck> FormulaChecks(IReadOnlyList<int?> numbers, IReadOnlyList<string?> formulas)
        {
            var byNumber = new Dictionary<int, int>();
            for (var i = 0; i < numbers.Count; i++)
                if (numbers[i] is { } num) byNumber.TryAdd(num, i);
            var checks = new List<FormulaCheck>();
            for (var i = 0; i < formulas.Count; i++)
            {
                if (ColumnFeaturizer.FormulaTerms(formulas[i]) is not { } terms) continue;
                if (!terms.All(byNumber.ContainsKey)) continue;
                if (numbers[i] is not { } total || terms.Select((t, k) => t != total + 1 + k).Any(bad => bad)) continue;
                var cols = terms.Select(t => byNumber[t]).ToArray();
                checks.Add(new FormulaCheck(i, cols, cols.Append(i).Max()));
            }
            return checks;
        }

        private IEnumerable<State> Beam(IReadOnlyList<double[]> probabilities, int[] allowed, List<FormulaCheck> checks, double prior)
        {
            var beam = new List<State> { new(new int[probabilities.Count], [], prior) };
            for (var i = 0; i < probabilities.Count; i++)
            {
                var next = new List<State>();
                foreach (var s in beam)
                    foreach (var c in allowed)
                    {
                        var role = FormCatalog.IsRole(classes[c]);
                        if (!role && s.Used.Contains(c)) continue;
                        var assigned = (int[])s.Assigned.Clone();
                        assigned[i] = c;
                        var score = s.Score + Math.Max(Math.Log(probabilities[i][c]), options.MinLogProbability);
                        foreach (var check in checks)
                            if (check.Last == i && !Consistent(check, assigned)) score -= options.FormulaPenalty;
                        var used = s.Used;
                        if (!role) used = [.. s.Used, c];
                        next.Add(new State(assigned, used, score));
                    }
                beam = next.OrderByDescending(s => s.Score).Take(options.BeamWidth).ToList();
            }
            return beam;
        }

        private bool Consistent(FormulaCheck check, int[] assigned)
        {
            var total = classes[assigned[check.Total]];
            if (FormCatalog.IsRole(total) || !sums.TryGetValue(total, out var alternatives)) return false;
            var parts = check.Terms.Select(t => classes[assigned[t]]).ToHashSet();
            return alternatives.Any(a => a.Count == check.Terms.Length && parts.SetEquals(a));
        }
    }
}
