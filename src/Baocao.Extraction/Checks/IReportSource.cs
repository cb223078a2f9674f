using Baocao.Reports;
using Baocao.Text;

namespace Baocao.Checks;

/// <summary>
/// Where the cross-report checks find the reports of one agency: the files given to <c>check</c> together
/// (<see cref="InMemoryReportSource"/>), or later an index of every ingested report.
/// </summary>
public interface IReportSource
{
    /// <summary>The agencies that have reports, as <see cref="AgencyKey.Of"/> keys.</summary>
    IEnumerable<string> Agencies();

    /// <summary>The reports of one agency (any order).</summary>
    IEnumerable<ReportRecord> ReportsOf(string agencyKey);
}

/// <summary>A set of records held in memory.</summary>
public sealed class InMemoryReportSource(IEnumerable<ReportRecord> records) : IReportSource
{
    private readonly ILookup<string, ReportRecord> _byAgency = records.Where(r => AgencyKey.Of(r) is not null).ToLookup(r => AgencyKey.Of(r)!);

    public IEnumerable<string> Agencies() => _byAgency.Select(g => g.Key);

    public IEnumerable<ReportRecord> ReportsOf(string agencyKey) => _byAgency[agencyKey];
}

/// <summary>
/// Which reports come from one agency: the issuing agency as printed, folded ("ỦY BAN NHÂN DÂN" and "UBND" alike),
/// with the province, so that "SỞ TƯ PHÁP" of two provinces stay apart.
/// </summary>
public static class AgencyKey
{
    public static string? Of(ReportRecord r)
    {
        if (string.IsNullOrWhiteSpace(r.Header.Agency)) return null;
        var agency = VietText.Fold(r.Header.Agency).Replace("uy ban nhan dan", "ubnd");
        agency = new string(agency.Where(c => char.IsLetterOrDigit(c) || c == ' ').ToArray());
        agency = string.Join(' ', agency.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        var parent = VietText.Fold(r.Header.ParentAgency).Replace("uy ban nhan dan", "ubnd");
        // A district office ("PHÒNG TƯ PHÁP" under "UBND HUYỆN CHÂU THÀNH") is named by its parent too.
        var district = parent.Contains("huyen") || parent.Contains("quan") || parent.Contains("thi xa") || parent.Contains("thanh pho") ? " / " + parent : "";
        return $"{agency}{district} @ {VietText.Fold(r.Header.Province)}";
    }
}
