using System.Text.RegularExpressions;

namespace SampleBuilder;

/// <summary>
/// Arithmetic checks on the spec's tables, so that invented figures really add up: every formula column of every
/// body row ("(3)=(4)+(5)+(6)"), and, for tables with canonical keys and no group rows, each total row against the
/// sum of the item rows. A seed's own printed errors are kept on purpose; the spec lists them in the table truth's
/// "expectErrors", and the build fails on any error that is not listed there, and on any listed one that is gone.
/// </summary>
public static class Checks
{
    public static List<string> Run(TableSpec t)
    {
        var errors = new List<string>();
        var grid = Truth.Layout(t);
        var rows = Truth.BodyRows(t, grid);
        var byNumber = new Dictionary<int, int>();   // printed column number -> grid column
        var formulas = new List<(int Col, int[] Terms, string Text)>();
        if (t.NumberRow)
            for (var j = 0; j < t.Widths.Count; j++)
            {
                var s = grid[t.HeaderRows][j];
                if (s.Covered) continue;
                var m = Regex.Match(s.Text.Replace(" ", ""), @"^\(?(\d+)\)?(?:=(.+))?$");
                if (!m.Success) continue;
                byNumber[int.Parse(m.Groups[1].Value)] = j;
                if (m.Groups[2].Success)
                    formulas.Add((j, Regex.Matches(m.Groups[2].Value, @"\d+").Select(x => int.Parse(x.Value)).ToArray(), s.Text));
            }

        foreach (var r in rows.Where(r => r.Kind != "percent"))
            foreach (var (col, terms, text) in formulas)
            {
                var lhs = Number(r.Cells[col]);
                if (lhs is null) continue;
                var sum = terms.Sum(n => Number(r.Cells[byNumber[n]]) ?? 0);
                if (lhs != sum) errors.Add($"row {Name(r)}: {text} printed {r.Cells[col]}, terms add up to {sum}");
            }

        var keyed = t.Truth?["keys"] is System.Text.Json.Nodes.JsonArray ka && ka.Any(k => k is not null);
        if (keyed && rows.All(r => r.Kind != "group"))
        {
            var items = rows.Where(r => r.Kind == "item").ToList();
            foreach (var total in rows.Where(r => r.Kind == "total"))
                for (var j = 2; j < t.Widths.Count; j++)
                {
                    var printed = Number(total.Cells[j]);
                    if (printed is null) continue;
                    var sum = items.Sum(r => Number(r.Cells[j]) ?? 0);
                    if (printed != sum) errors.Add($"row {Name(total)}: column {j + 1} printed {total.Cells[j]}, items add up to {sum}");
                }
        }
        return errors;
    }

    static string Name(Truth.BodyRow r) => r.Stt.Length > 0 ? r.Stt : r.Label;

    // For arithmetic a blank or "-" cell counts as 0, as the forms intend; "x" marks and text are not numbers.
    static decimal? Number(string raw)
    {
        var s = raw.Trim();
        if (s is "" or "-") return 0;
        try { return Truth.ParseValue(s, ""); }
        catch (SpecException) { return null; }
    }
}
