using Baocao.Reports;

namespace Baocao.Mapping;

/// <summary>Adds the canonical name of each item and group row's label (field, agency or level) to a table. Pure.</summary>
public static class RowLabels
{
    public static ReportTable Normalise(ReportTable table, NameNormalizer names) =>
        table with
        {
            Rows = table.Rows.Select(r =>
            {
                // Totals and percentage rows have no name to facet on.
                if (r.Kind is "total" or "percent") return r;
                return names.RowLabel(r.Label) is { } c ? r with { LabelKey = c.Key, CanonicalLabel = c.Name } : r;
            }).ToList(),
        };
}
