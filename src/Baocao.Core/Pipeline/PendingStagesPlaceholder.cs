// Placeholder until the header and figures stages land (deleted at merge).
using Baocao.Documents;
using Baocao.Reports;
namespace Baocao.Header
{
    public static class HeaderParser { public static ReportHeader Parse(IReadOnlyList<Block> blocks) => ReportHeader.Empty; }
    public static class PeriodParser { public static Period? Parse(string periodText, string? rangeText) => null; }
}
