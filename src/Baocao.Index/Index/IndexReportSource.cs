using Baocao.Checks;
using Baocao.Reports;

namespace Baocao.Index;

/// <summary>
/// The reports of an index, as the cross-report checks see them: one record per report (the best of its copies, issue 17
/// item 2: a DOCX, its PDF and two scans are one report, never four compared with each other), grouped by agency once
/// (each stored record read once to learn its agency), then each agency's records loaded when the checks ask for them,
/// so only one agency's reports are held at a time.
/// </summary>
public sealed class IndexReportSource(IReportIndex index) : IReportSource
{
    private ILookup<string, string>? _pathsByAgency;
    private List<IReadOnlyList<StoredSource>>? _reports;

    private List<IReadOnlyList<StoredSource>> Groups => _reports ??= index.Reports().ToList();

    private ILookup<string, string> PathsByAgency => _pathsByAgency ??= Groups
        .Select(g => (g[0].Path, key: index.Load(g[0].Path) is { } r ? AgencyKey.Of(r) : null))
        .Where(x => x.key is not null)
        .ToLookup(x => x.key!, x => x.Path);

    public IEnumerable<string> Agencies() => PathsByAgency.Select(g => g.Key);

    public IEnumerable<ReportRecord> ReportsOf(string agencyKey) =>
        PathsByAgency[agencyKey].Select(index.Load).OfType<ReportRecord>();

    /// <summary>Every report's record (its best copy's), one at a time, in path order.</summary>
    public IEnumerable<ReportRecord> All() => Groups.Select(g => index.Load(g[0].Path)).OfType<ReportRecord>();

    /// <summary>Files indexed (every copy counted).</summary>
    public int Files => Groups.Sum(g => g.Count);

    /// <summary>
    /// The other copies of the report whose best copy is <paramref name="best"/>, each with what it reads differently
    /// (<see cref="ReportCopies.Differences"/>: empty when it reads the same); none for a report with one file.
    /// </summary>
    public IEnumerable<(string Path, IReadOnlyList<string> Differences)> CopiesOf(ReportRecord best)
    {
        var key = IndexedReport.PathKey(best.Source.Path);
        var group = Groups.FirstOrDefault(g => g[0].Path == key);
        // Compared as stored: the findings across reports added to the best copy by check --all are not its reading.
        if (group is null || index.Load(group[0].Path) is not { } stored) yield break;
        foreach (var s in group.Skip(1))
            if (index.Load(s.Path) is { } copy) yield return (s.Path, ReportCopies.Differences(stored, copy));
    }
}
