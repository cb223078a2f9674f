using Baocao.Checks;
using Baocao.Reports;

namespace Baocao.Index;

/// <summary>
/// The reports of an index, as the cross-report checks see them: one record per report (the best of its copies, issue 17
/// item 2: a DOCX, its PDF and two scans are one report, never four compared with each other), grouped by agency by the
/// keys the index stored at write time (<see cref="IReportIndex.CrossKeys"/>; from the records when it has none). Each
/// stored record is read once (issue 15 item 6): a record loaded for its agency's checks is kept for <see cref="All"/> and
/// <see cref="CopiesOf"/>, which is no more than <see cref="Findings.OfSource"/> holds anyway (every report's record).
/// A report with reviewers' decisions (<see cref="IReportIndex.Corrections"/>) is seen with them applied and its own checks
/// run again (<see cref="ReviewedRecord"/>), so the checks across reports read the corrected values too; the decisions
/// that no longer fit the record are in <see cref="Stale"/>.
/// </summary>
public sealed class IndexReportSource(IReportIndex index) : IReportSource
{
    private ILookup<string, string>? _pathsByAgency;
    private List<IReadOnlyList<StoredSource>>? _reports;
    private readonly Dictionary<string, ReportRecord?> _loaded = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ReportRecord?> _reviewed = new(StringComparer.Ordinal);
    private readonly List<StaleCorrection> _stale = [];
    private ILookup<string, Correction>? _corrections;

    /// <summary>Every decision stored in the index, by file content.</summary>
    private ILookup<string, Correction> CorrectionsBySha => _corrections ??= index.Corrections().ToLookup(c => c.Sha256, StringComparer.OrdinalIgnoreCase);

    /// <summary>The decisions that did not fit the records read so far (after <see cref="All"/>: every report's).</summary>
    public IReadOnlyList<StaleCorrection> Stale => _stale;

    /// <summary>A record as the checks see it: with its file's decisions applied and its own checks run again, else as stored.</summary>
    private ReportRecord? Reviewed(string path)
    {
        if (_reviewed.TryGetValue(path, out var done)) return done;
        var stored = Load(path);
        ReportRecord? reviewed = stored;
        if (stored is not null && CorrectionsBySha[stored.Source.Sha256].ToList() is { Count: > 0 } mine)
        {
            var (r, stale) = ReviewedRecord.Of(stored, mine);
            reviewed = r;
            _stale.AddRange(stale);
        }
        return _reviewed[path] = reviewed;
    }

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
        PathsByAgency[agencyKey].Select(Reviewed).OfType<ReportRecord>();

    /// <summary>Every report's record (its best copy's), one at a time, in path order.</summary>
    public IEnumerable<ReportRecord> All() => Groups.Select(g => Reviewed(g[0].Path)).OfType<ReportRecord>();

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

/// <summary>
/// A stored record with its reviewers' decisions applied (<see cref="Review.Apply"/>) and its own checks run again on the
/// corrected values (each finding resting on a decision says so in <c>reviewed</c>); the cell texts as read are kept.
/// Pure but for the checks' model-free rules.
/// </summary>
public static class ReviewedRecord
{
    private static readonly ReportChecker Checker = ReportChecker.CreateDefault();

    public static (ReportRecord Record, IReadOnlyList<StaleCorrection> Stale) Of(ReportRecord stored, IEnumerable<Correction> corrections)
    {
        var (applied, stale) = Review.Apply(stored, corrections);
        return ReferenceEquals(applied, stored) ? (stored, stale) : (applied with { Checks = Checker.Check(applied) }, stale);
    }
}
