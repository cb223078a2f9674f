using Baocao.Text;

namespace Baocao.Mapping;

/// <summary>
/// The hand-written rule table for dossier tables (form II.06a/b/c and agency tables such as seed 002's):
/// the group of a column comes from the deepest header level that names one (received / resolved / pending /
/// returned), its measure from the leaf words. A column that declares a formula must map to a total.
/// </summary>
public sealed class RuleTableColumnMapper : IColumnMapper
{
    public double ReviewThreshold => 0.5;

    private static readonly (string words, string group)[] Groups =
    [
        ("dang giai quyet", "pending"),
        ("dang xu ly", "pending"),
        ("da giai quyet", "resolved"),
        ("ket qua giai quyet", "resolved"),
        ("bi tra lai", "returned"),
        ("tra lai", "returned"),
        ("nhan qua truc tuyen", "received.online"),
        ("tiep nhan", "received"),
        ("nhan giai quyet", "received"),
    ];

    /// <summary>Leaf words per group, most specific first.</summary>
    private static readonly Dictionary<string, (string words, string key)[]> Measures = new()
    {
        ["received"] =
        [
            ("tong so", "received.total"), ("truc tuyen", "received.online"), ("truc tiep", "received.direct"),
            ("buu chinh", "received.direct"), ("tu ky truoc", "received.carried_over"), ("ky truoc", "received.carried_over"),
            ("moi tiep nhan", "received.new"), ("tiep nhan moi", "received.new"), ("trong ky", "received.new"),
        ],
        ["resolved"] =
        [
            ("tong so", "resolved.total"), ("truoc han va dung han", "resolved.early_or_on_time"),
            ("truoc han", "resolved.early"), ("truoc thoi han", "resolved.early"), ("dung han", "resolved.on_time"),
            ("dung thoi han", "resolved.on_time"), ("trong han", "resolved.on_time"),
            ("qua han", "resolved.late"), ("qua thoi han", "resolved.late"), ("tre han", "resolved.late"),
        ],
        ["pending"] =
        [
            ("tong so", "pending.total"), ("trong han", "pending.on_time"), ("dung han", "pending.on_time"),
            ("con han", "pending.on_time"), ("chua den han", "pending.on_time"), ("trong thoi han", "pending.on_time"),
            ("qua han", "pending.late"), ("qua thoi han", "pending.late"), ("tre han", "pending.late"),
        ],
    };

    public IReadOnlyList<ColumnMapping> Map(TableContext context, IReadOnlyList<ColumnFeatures> columns)
    {
        var result = columns.Select(c => MapOne(c)).ToList();
        // Only dossier tables carry these keys. Without a 06a/b/c form code, a table must show at least two
        // groups (received and resolved or pending) before its columns are trusted: a list of procedures with a
        // "Tổng số hồ sơ tiếp nhận" column is not a dossier table.
        var dossierForm = context.Form is { } f && f.TrimStart('I', '.').StartsWith("06", StringComparison.Ordinal);
        var groups = result.Where(m => m.Key is not null).Select(m => m.Key!.Split('.')[0]).Distinct().Count();
        if (!dossierForm && groups < 2) return columns.Select(_ => new ColumnMapping(null, 0)).ToList();
        // One key per table: a second column claiming the same key makes both doubtful.
        foreach (var dup in result.Where(m => m.Key is not null).GroupBy(m => m.Key).Where(g => g.Count() > 1).ToList())
            for (var i = 0; i < result.Count; i++)
                if (result[i].Key == dup.Key) result[i] = result[i] with { Confidence = 0.4 };
        return result;
    }

    private static string Squash(string s) => VietText.Fold(s).Replace(" ", "");

    private static string? GroupOf(string level)
    {
        foreach (var (words, g) in Groups)
            if (level.Contains(Squash(words))) return g;
        return null;
    }

    private static ColumnMapping MapOne(ColumnFeatures column)
    {
        // Matching ignores spaces: a narrow PDF cell can break a word ("Trự c tuy ến"), and the words still match.
        var levels = column.Header.Split('›').Select(l => Squash(l)).Where(l => l.Length > 0).ToList();
        if (levels.Count == 0) return new ColumnMapping(null, 0);
        string? group = null;
        var groupLevel = -1;
        // The deepest heading above the leaf names the group ("Kết quả giải quyết › Số hồ sơ đang giải quyết ›
        // Tổng số" is pending). The leaf itself is only a group for a single-level column ("Hồ sơ bị trả lại"),
        // otherwise "Số mới tiếp nhận" under "Số hồ sơ nhận giải quyết" would read as a new group.
        for (var i = levels.Count - 2; i >= 0 && group is null; i--)
            (group, groupLevel) = GroupOf(levels[i]) is { } g ? (g, i) : (null, -1);
        if (group is null && GroupOf(levels[^1]) is { } leafGroup) (group, groupLevel) = (leafGroup, levels.Count - 1);
        if (group is null) return new ColumnMapping(null, 0);
        if (group is "returned" or "received.online")
            return new ColumnMapping(group, groupLevel == levels.Count - 1 ? 1.0 : 0.8);

        // The measure is named below the group level; a group heading with no level below is the group's total.
        var leafWords = string.Join(" / ", levels.Skip(groupLevel + 1));
        string? key = null;
        if (leafWords.Length == 0) key = group + ".total";
        else
        {
            foreach (var (words, k) in Measures[group])
                if (leafWords.Contains(Squash(words))) { key = k; break; }
        }
        if (key is null) return new ColumnMapping(null, 0);
        var isTotal = key.EndsWith(".total", StringComparison.Ordinal);
        var declaresFormula = column.Formula is not null;
        // A declared formula column is a total; a total without its formula is fine (seed tables omit them).
        var confidence = declaresFormula && !isTotal ? 0.3 : 1.0;
        return new ColumnMapping(key, confidence);
    }
}
