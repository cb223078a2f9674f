using Baocao.Checks;
using Baocao.Reports;

namespace Baocao.Index;

/// <summary>
/// The reports of an index, as the cross-report checks see them: one record per report (the best of its copies, issue 17
/// item 2: a DOCX, its PDF and two scans are one report, never four compared with each other), grouped by agency by the
/// keys the index stored at write time (<see cref="IReportIndex.CrossKeys"/>; from the records when it has none). Each
/// stored record is read once (issue 15 item 6): a record loaded for its agency's checks is kept for <see cref="All"/> and
/// <see cref="CopiesOf"/>, which is no more than <see cref="Findings.OfSource"/> holds anyway (every report's record).
/// </summary>
public sealed class IndexReportSource(IReportIndex index) : IReportSource
{
    private ILookup<string, string>? _pathsByAgency;
    private List<IReadOnlyList<StoredSource>>? _reports;
    private readonly Dictionary<string, ReportRecord?> _loaded = new(StringComparer.Ordinal);

    private Dictionary<string, IReadOnlyList<StoredSource>>? _groupOf;

    private List<IReadOnlyList<StoredSource>> Groups => _reports ??= index.Reports().ToList();

    /// <summary>Each report's files by the path of its best copy.</summary>
    private Dictionary<string, IReadOnlyList<StoredSource>> GroupOf => _groupOf ??= Groups.ToDictionary(g => g[0].Path, StringComparer.Ordinal);

    /// <summary>A stored record, read from the index the first time it is asked for.</summary>
    private ReportRecord? Load(string path)
    {
        if (!_loaded.TryGetValue(path, out var r)) _loaded[path] = r = index.Load(path);
        return r;
    }

    private ILookup<string, string> PathsByAgency => _pathsByAgency ??= GroupKeys();

    private ILookup<string, string> GroupKeys()
    {
        var stored = index.CrossKeys();
        return Groups
            .Select(g => (g[0].Path, key: stored is not null ? stored.GetValueOrDefault(g[0].Path) : Load(g[0].Path) is { } r ? AgencyKey.Of(r) : null))
            .Where(x => x.key is not null)
            .ToLookup(x => x.key!, x => x.Path);
    }

    public IEnumerable<string> Agencies() => PathsByAgency.Select(g => g.Key);

    public IEnumerable<ReportRecord> ReportsOf(string agencyKey) =>
        PathsByAgency[agencyKey].Select(Load).OfType<ReportRecord>();

    /// <summary>Every report's record (its best copy's), one at a time, in path order.</summary>
    public IEnumerable<ReportRecord> All() => Groups.Select(g => Load(g[0].Path)).OfType<ReportRecord>();

    /// <summary>Files indexed (every copy counted).</summary>
    public int Files => Groups.Sum(g => g.Count);

    /// <summary>
    /// The other copies of the report whose best copy is <paramref name="best"/>, each with what it reads differently
    /// (<see cref="ReportCopies.Differences"/>: empty when it reads the same); none for a report with one file.
    /// </summary>
    public IEnumerable<(string Path, IReadOnlyList<string> Differences)> CopiesOf(ReportRecord best)
    {
        var key = IndexedReport.PathKey(best.Source.Path);
        var group = GroupOf.GetValueOrDefault(key);
        // Compared as stored: the findings across reports added to the best copy by check --all are not its reading.
        if (group is null || Load(group[0].Path) is not { } stored) yield break;
        foreach (var s in group.Skip(1))
            if (index.Load(s.Path) is { } copy) yield return (s.Path, ReportCopies.Differences(stored, copy));
    }
}
