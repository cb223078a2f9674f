using Baocao.Reports;

namespace Baocao.Mapping;

/// <summary>
/// What the lines printed above a table say about it: form code, title, section, unit, period, units. The column
/// mappers take it as input (so it lives with them); Interpretation's <c>TableContextReader</c> reads it from the page.
/// </summary>
public sealed record TableContext(string? Form, string? Title, string? Section, string? Unit, Period? Period, string? ReportingUnit, string? ReceivingUnit)
{
    public static readonly TableContext None = new(null, null, null, null, null, null, null);
}
