using Baocao.Checks;
using Baocao.Reports;

namespace Baocao.Index;

/// <summary>
/// The reports of an index, as the cross-report checks see them: grouped by agency once (each stored record read
/// once to learn its agency), then each agency's records loaded when the checks ask for them, so only one agency's
/// reports are held at a time.
/// </summary>
public sealed class IndexReportSource(IReportIndex index) : IReportSource
{
    private ILookup<string, string>? _pathsByAgency;

    private ILookup<string, string> PathsByAgency => _pathsByAgency ??= index.Sources()
        .Select(s => (s.Path, key: index.Load(s.Path) is { } r ? AgencyKey.Of(r) : null))
        .Where(x => x.key is not null)
        .ToLookup(x => x.key!, x => x.Path);

    public IEnumerable<string> Agencies() => PathsByAgency.Select(g => g.Key);

    public IEnumerable<ReportRecord> ReportsOf(string agencyKey) =>
        PathsByAgency[agencyKey].Select(index.Load).OfType<ReportRecord>();

    /// <summary>Every stored record, one at a time, in path order.</summary>
    public IEnumerable<ReportRecord> All() => index.Sources().Select(s => index.Load(s.Path)).OfType<ReportRecord>();
}
