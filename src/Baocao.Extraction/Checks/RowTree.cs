using System.Text.RegularExpressions;
using Baocao.Reports;

namespace Baocao.Checks;

/// <summary>A body row in the outline its STT numbers draw: "A" above "I" above "1" above "1.1".</summary>
public sealed class RowNode(TableRow row, int level)
{
    public TableRow Row { get; } = row;
    public int Level { get; } = level;
    public List<RowNode> Children { get; } = [];
    public bool IsLeaf => Children.Count == 0;

    public IEnumerable<RowNode> Leaves() => IsLeaf ? [this] : Children.SelectMany(c => c.Leaves());
}

/// <summary>
/// The outline of a table's item and group rows, from their STT: letters ("A"), roman numerals ("I"), numbers
/// ("1"), dotted numbers ("1.1", "1.1.2"), then lower-case letters and bullets. A row without an STT right under a
/// group row belongs to it; elsewhere it continues the level of the row above (a merged continuation row).
/// Totals and percentage rows are not part of it.
/// </summary>
public static partial class RowTree
{
    public static IReadOnlyList<RowNode> Build(IEnumerable<TableRow> rows)
    {
        var roots = new List<RowNode>();
        var stack = new Stack<RowNode>();
        RowNode? previous = null;
        foreach (var row in rows.Where(r => r.Kind is "item" or "group"))
        {
            var level = Level(row.Stt) ?? (previous is null ? 2 : previous.Row.Kind == "group" ? previous.Level + 1 : previous.Level);
            var node = new RowNode(row, level);
            while (stack.Count > 0 && stack.Peek().Level >= level) stack.Pop();
            if (stack.Count == 0) roots.Add(node); else stack.Peek().Children.Add(node);
            stack.Push(node);
            previous = node;
        }
        return roots;
    }

    /// <summary>The outline level an STT names, or null for a blank STT.</summary>
    public static int? Level(string? stt)
    {
        var s = (stt ?? "").Trim().TrimEnd('.', ')').Trim();
        if (s.Length == 0) return null;
        if (Letter().IsMatch(s)) return 0;
        if (Roman().IsMatch(s)) return 1;
        if (Dotted().IsMatch(s)) return 2 + s.Count(c => c == '.');
        if (Small().IsMatch(s)) return 8;
        return 9; // "-", "+", "*": a bullet sits below everything numbered
    }

    [GeneratedRegex(@"^[A-H]$")] private static partial Regex Letter();
    [GeneratedRegex(@"^[IVXL]{1,5}$")] private static partial Regex Roman();
    [GeneratedRegex(@"^\d{1,3}(\.\d{1,3})*$")] private static partial Regex Dotted();
    [GeneratedRegex(@"^[a-zđ]$")] private static partial Regex Small();
}
