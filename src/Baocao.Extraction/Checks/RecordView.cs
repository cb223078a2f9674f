using System.Globalization;
using Baocao.Reports;
using Baocao.Text;

namespace Baocao.Checks;

/// <summary>
/// The numbers of one record as operands, each made once (so that relations sharing a value share the operand), and
/// the canonical-key lookups the rules need: a key's value in a table row, directly or as the sum of its parts, and
/// in the prose. Pure: reads the record, changes nothing.
/// </summary>
public sealed class RecordView
{
    private readonly Dictionary<string, Operand> _operands = [];
    private readonly string _prefix;

    public RecordView(ReportRecord record)
    {
        Record = record;
        _prefix = record.Source.Path + "#";
    }

    public ReportRecord Record { get; }
    public string File => Record.Source.Path;

    /// <summary>Ways to make a key from its parts, preferred first. The prose may state "qua dịch vụ bưu chính" apart from "trực tiếp".</summary>
    public static readonly IReadOnlyDictionary<string, string[][]> Parts = new Dictionary<string, string[][]>
    {
        ["received.total"] = [["received.new", "received.carried_over"], ["received.online", "received.direct", "received.carried_over"], ["received.online", "received.direct", "received.postal", "received.carried_over"]],
        ["received.new"] = [["received.online", "received.direct"], ["received.online", "received.direct", "received.postal"]],
        ["resolved.total"] = [["resolved.early", "resolved.on_time", "resolved.late"], ["resolved.early_or_on_time", "resolved.late"]],
        ["resolved.early_or_on_time"] = [["resolved.early", "resolved.on_time"]],
        ["pending.total"] = [["pending.on_time", "pending.late"]],
    };

    /// <summary>Tables whose columns carry canonical keys (dossier tables).</summary>
    public IEnumerable<ReportTable> KeyedTables => Record.Tables.Where(t => t.Columns.Any(c => c.Key is not null));

    public Operand Cell(ReportTable t, TableRow row, TableColumn col)
    {
        var id = $"{_prefix}t{t.Index}:r{row.Index}:{col.Id}";
        if (_operands.TryGetValue(id, out var op)) return op;
        var cell = row.Cells.FirstOrDefault(c => c.Column == col.Id);
        var kind = cell?.Kind ?? "blank";
        var blank = kind is "blank" or "dash";
        decimal? value = kind is "number" or "percent" ? cell!.Value : null;
        var place = new CheckPlace(File, cell?.Page ?? row.Page, t.Index, row.Index, RowName(row), col.Key ?? col.Id, col.Number);
        op = new Operand(id, ColumnName(col), value, blank, cell?.Raw ?? "", cell?.Confidence ?? 1.0, place, cell?.Flags ?? []);
        _operands[id] = op;
        return op;
    }

    public Operand Figure(Figure f)
    {
        var index = IndexOf(f);
        var id = $"{_prefix}f{index}";
        if (_operands.TryGetValue(id, out var op)) return op;
        var place = new CheckPlace(File, f.Page, null, null, f.Scope, f.Key, null);
        // The number as printed and the parser's doubts about it ("2,800" undecided is a doubt, as in a cell); a record
        // written before figures kept their text re-prints the value, and then only OCR's confidence can doubt it.
        op = new Operand(id, f.Scope is null ? f.Key : $"{f.Key} [{f.Scope}]", f.Value, false, f.Raw ?? Printed(f.Value), f.Confidence, place, f.Flags);
        _operands[id] = op;
        return op;
    }

    private int IndexOf(Figure f)
    {
        for (var i = 0; i < Record.Figures.Count; i++)
            if (ReferenceEquals(Record.Figures[i], f)) return i;
        throw new ArgumentException("not a figure of this record", nameof(f));
    }

    /// <summary>A row's name in findings: its label, or its STT when the label is blank.</summary>
    public static string RowName(TableRow row) => !string.IsNullOrEmpty(row.Label) ? row.Label : row.Stt ?? $"row {row.Index}";

    /// <summary>"(8)" for a numbered column, else its key, else its id.</summary>
    public static string ColumnName(TableColumn c) => c.Number is { } n ? $"({n})" : c.Key ?? c.Id;

    /// <summary>A value as Vietnamese documents print it ("22.278", "2,02"): the text a misreading search edits for a prose figure.</summary>
    public static string Printed(decimal v)
    {
        var s = v.ToString(CultureInfo.InvariantCulture);
        var neg = s.StartsWith('-');
        if (neg) s = s[1..];
        var dot = s.IndexOf('.');
        var whole = dot < 0 ? s : s[..dot];
        var frac = dot < 0 ? "" : "," + s[(dot + 1)..];
        var grouped = whole.Length > 3
            ? string.Join(".", Enumerable.Range(0, (whole.Length + 2) / 3).Select(i => whole.Substring(Math.Max(0, whole.Length - 3 * (i + 1)), Math.Min(3, whole.Length - 3 * i))).Reverse())
            : whole;
        return (neg ? "-" : "") + grouped + frac;
    }

    // ---- tables

    public static TableColumn? Column(ReportTable t, string key) => t.Columns.FirstOrDefault(c => c.Key == key);

    /// <summary>
    /// A key's value in a row: the cell of its column, or the cells of its parts (received.new = online + direct).
    /// Null when the table has neither, or when a needed cell holds a mark or text.
    /// </summary>
    public IReadOnlyList<Operand>? TableKey(ReportTable t, TableRow row, string key, out bool derived)
    {
        derived = false;
        if (Column(t, key) is { } col)
        {
            var op = Cell(t, row, col);
            return op.Value is null ? null : [op];
        }
        derived = true;
        if (!Parts.TryGetValue(key, out var ways)) return null;
        foreach (var parts in ways)
        {
            if (parts.Any(p => Column(t, p) is null)) continue;
            var ops = parts.Select(p => Cell(t, row, Column(t, p)!)).ToList();
            return ops.Any(o => o.Value is null) ? null : ops;
        }
        return null;
    }

    /// <summary>The single totals row of a table (null when there is none, or several: sub-totals are not compared).</summary>
    public static TableRow? TotalRow(ReportTable t)
    {
        var totals = t.Rows.Where(r => r.Kind == "total").ToList();
        return totals.Count == 1 ? totals[0] : null;
    }

    /// <summary>The row a prose scope ("Cấp tỉnh") speaks of: the totals row without a scope, else the row labelled with it.</summary>
    public static TableRow? ScopeRow(ReportTable t, string? scope)
    {
        if (scope is null) return TotalRow(t);
        var s = VietText.Fold(scope);
        var rows = t.Rows.Where(r => r.Kind is "item" or "group" && VietText.Fold(r.Label).TrimEnd(':', '.') == s).ToList();
        return rows.Count == 1 ? rows[0] : null;
    }

    // ---- prose

    /// <summary>The first figure with this key and scope.</summary>
    public Figure? FigureOf(string key, string? scope) => Record.Figures.FirstOrDefault(f => f.Key == key && f.Scope == scope);

    /// <summary>A key's value in the prose: the figure itself, or the figures of its parts, all in the same scope.</summary>
    public IReadOnlyList<Operand>? ProseKey(string key, string? scope, out bool derived)
    {
        derived = false;
        if (FigureOf(key, scope) is { } f) return [Figure(f)];
        derived = true;
        if (!Parts.TryGetValue(key, out var ways)) return null;
        // The longest way first: it uses "bưu chính" when the prose states it apart, and it does not rely on "mới tiếp
        // nhận", which some reports use for the total including the carried-over dossiers.
        foreach (var parts in ways.OrderByDescending(w => w.Length))
        {
            var figures = parts.Select(p => FigureOf(p, scope)).ToList();
            if (figures.All(x => x is not null)) return figures.Select(x => Figure(x!)).ToList();
        }
        return null;
    }

    /// <summary>
    /// A key's value for the whole report (cross-report checks): the totals row of the first dossier table that has it,
    /// else the prose without a scope. Null when neither states it.
    /// </summary>
    public IReadOnlyList<Operand>? ReportKey(string key)
    {
        foreach (var t in KeyedTables)
        {
            if (TotalRow(t) is not { } total) continue;
            if (TableKey(t, total, key, out _) is { } ops && ops.Any(o => o.IsPrinted)) return ops;
        }
        return ProseKey(key, null, out _);
    }
}
