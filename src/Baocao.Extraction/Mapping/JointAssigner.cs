namespace Baocao.Mapping;

/// <summary>A table type as the assigner needs it: its keys and the form codes that print it.</summary>
public sealed record AssignmentSchema(string Id, IReadOnlyList<string> Forms, IReadOnlyList<string> Keys);

/// <summary>Beam width, and the log-score costs of breaking a declared formula or printing a table under another form.</summary>
public sealed record AssignmentOptions(int BeamWidth = 48, double FormulaPenalty = 6.0, double FormPenalty = 6.0, double MinLogProbability = -18.0);

/// <summary>One column's choice: the class (a key or a role starting with '_'), and the posterior share of it.</summary>
public sealed record ColumnChoice(string Class, double Confidence);

/// <summary>
/// Chooses the classes of all the columns of a table at once: the assignment with the highest joint log-probability
/// under the constraints, not each column's own best guess. Constraints: all keys come from one table type (schema),
/// no key is used by two columns (roles may repeat), and a column that declares a formula "(3)=(4)+(5)+(6)" holds a
/// total whose parts are exactly the keys of the columns it names (a soft penalty, since OCR can misread a formula).
/// A known form code favours its own schemas. Search: a beam over the columns left to right per schema (tables have
/// a dozen columns or so, the beam keeps the best partial assignments); the confidence of a column's choice is its
/// share of the probability mass of all the complete assignments found, across schemas.
/// </summary>
public sealed class JointAssigner(IReadOnlyList<string> classes, IReadOnlyList<AssignmentSchema> schemas,
    IReadOnlyDictionary<string, IReadOnlyList<IReadOnlyList<string>>> sums, AssignmentOptions? options = null)
{
    private readonly AssignmentOptions options = options ?? new AssignmentOptions();
    private readonly int[] roleClasses = classes.Select((c, i) => (c, i)).Where(x => FormCatalog.IsRole(x.c)).Select(x => x.i).ToArray();

    private readonly bool[] isRole = classes.Select(FormCatalog.IsRole).ToArray();

    private sealed record State(int[] Assigned, bool[] Used, double Score);

    /// <param name="probabilities">Per column, the classifier's probability of each class (in <c>classes</c> order).</param>
    /// <param name="numbers">Per column, the printed column number (or null).</param>
    /// <param name="formulas">Per column, the normalised formula "(3)=(4)+(5)" (or null).</param>
    /// <param name="form">The table's form code ("II.06a", "06a"), or null when the caption names none.</param>
    public IReadOnlyList<ColumnChoice> Assign(IReadOnlyList<double[]> probabilities, IReadOnlyList<int?> numbers, IReadOnlyList<string?> formulas, string? form)
    {
        var n = probabilities.Count;
        if (n == 0) return [];
        var checks = FormulaChecks(numbers, formulas);
        var finals = new List<State>();
        var known = form is not null && schemas.Any(s => s.Forms.Contains(form, StringComparer.OrdinalIgnoreCase));
        // The roles-only "schema" covers tables outside the catalog.
        foreach (var schema in schemas.Append(new AssignmentSchema("", [], [])))
        {
            var allowed = schema.Keys.Select(k => IndexOf(k)).Where(i => i >= 0).Concat(roleClasses).ToArray();
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

    /// <summary>What a class prints as: the key, or null for every role (so the roles share one output).</summary>
    private string? Output(int cls) => FormCatalog.IsRole(classes[cls]) ? null : classes[cls];

    private int IndexOf(string cls)
    {
        for (var i = 0; i < classes.Count; i++)
            if (classes[i] == cls) return i;
        return -1;
    }

    /// <summary>A declared formula: the total's column, its term columns, and the column after which all are assigned.</summary>
    private sealed record FormulaCheck(int Total, int[] Terms, int Last);

    private static List<FormulaCheck> FormulaChecks(IReadOnlyList<int?> numbers, IReadOnlyList<string?> formulas)
    {
        var byNumber = new Dictionary<int, int>();
        for (var i = 0; i < numbers.Count; i++)
            if (numbers[i] is { } num) byNumber.TryAdd(num, i);
        var checks = new List<FormulaCheck>();
        for (var i = 0; i < formulas.Count; i++)
        {
            if (ColumnFeaturizer.FormulaTerms(formulas[i]) is not { } terms) continue;
            if (!terms.All(byNumber.ContainsKey)) continue; // a term that names no column: nothing to check against
            // Every known form sums the columns right after the total ("(7)=(8)+(9)+(10)"); anything else ("(7)=(8)+(10)",
            // "(7)=(9)+(10)") means OCR lost a term, and such a formula is no evidence about the keys.
            if (numbers[i] is not { } total || terms.Select((t, k) => t != total + 1 + k).Any(bad => bad)) continue;
            var cols = terms.Select(t => byNumber[t]).ToArray();
            checks.Add(new FormulaCheck(i, cols, cols.Append(i).Max()));
        }
        return checks;
    }

    /// <summary>A candidate extension of a beam state: which state, which class for the column, and the new score.</summary>
    private readonly record struct Candidate(int Parent, int Class, double Score, int Order);

    private IEnumerable<State> Beam(IReadOnlyList<double[]> probabilities, int[] allowed, List<FormulaCheck> checks, double prior)
    {
        var beam = new List<State> { new(new int[probabilities.Count], new bool[classes.Count], prior) };
        var candidates = new List<Candidate>();
        for (var i = 0; i < probabilities.Count; i++)
        {
            // Scored first, built after: only the beam's survivors get their own arrays (allocating every candidate's
            // copy was a quarter of a digital PDF's extraction time, bench extract). The order of generation is kept as
            // the tie-break, so the survivors are exactly those a stable sort of all candidates would keep.
            candidates.Clear();
            var logs = new double[allowed.Length];
            for (var a = 0; a < allowed.Length; a++) logs[a] = Math.Max(Math.Log(probabilities[i][allowed[a]]), options.MinLogProbability);
            var due = checks.Where(ch => ch.Last == i).ToArray();
            for (var b = 0; b < beam.Count; b++)
            {
                var s = beam[b];
                for (var a = 0; a < allowed.Length; a++)
                {
                    var c = allowed[a];
                    if (!isRole[c] && s.Used[c]) continue;
                    var score = s.Score + logs[a];
                    foreach (var check in due)
                        if (!Consistent(check, s.Assigned, i, c)) score -= options.FormulaPenalty;
                    candidates.Add(new Candidate(b, c, score, candidates.Count));
                }
            }
            candidates.Sort(static (x, y) => y.Score != x.Score ? y.Score.CompareTo(x.Score) : x.Order.CompareTo(y.Order));
            var next = new List<State>(Math.Min(options.BeamWidth, candidates.Count));
            foreach (var k in candidates.Take(options.BeamWidth))
            {
                var parent = beam[k.Parent];
                var assigned = (int[])parent.Assigned.Clone();
                assigned[i] = k.Class;
                var used = parent.Used;
                if (!isRole[k.Class]) { used = (bool[])parent.Used.Clone(); used[k.Class] = true; }
                next.Add(new State(assigned, used, k.Score));
            }
            beam = next;
        }
        return beam;
    }

    /// <summary>The total's key lists exactly the term columns' keys (in any order) as one of its sums.</summary>
    /// <param name="assigned">The state's classes so far; column <paramref name="column"/> is taken as <paramref name="cls"/>.</param>
    private bool Consistent(FormulaCheck check, int[] assigned, int column, int cls)
    {
        int At(int col) => col == column ? cls : assigned[col];
        var total = classes[At(check.Total)];
        if (FormCatalog.IsRole(total) || !sums.TryGetValue(total, out var alternatives)) return false;
        var parts = check.Terms.Select(t => classes[At(t)]).ToHashSet();
        return alternatives.Any(a => a.Count == check.Terms.Length && parts.SetEquals(a));
    }
}
