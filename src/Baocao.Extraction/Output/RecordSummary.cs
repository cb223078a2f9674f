using System.Globalization;
using System.Text;
using Baocao.Reports;

namespace Baocao.Output;

/// <summary>The human-readable summary printed by <c>extract</c> without <c>--json</c>.</summary>
public static class RecordSummary
{
    public static string Render(ReportRecord r)
    {
        var sb = new StringBuilder();
        var h = r.Header;
        sb.AppendLine(CultureInfo.InvariantCulture, $"{Path.GetFileName(r.Source.Path)}  ({r.Source.Format}, {r.Source.Pages} page(s), sha256 {r.Source.Sha256[..12]}…)");
        sb.AppendLine(CultureInfo.InvariantCulture, $"  Số:          {h.Number ?? "(blank)"}   symbol {h.Symbol ?? "-"}   type {h.DocType ?? "-"}");
        sb.AppendLine($"  Agency:      {h.Agency ?? "-"}" + (h.ParentAgency is null ? "" : $"  (under {h.ParentAgency})"));
        sb.AppendLine(CultureInfo.InvariantCulture, $"  Province:    {h.Province ?? "-"}   place {h.Place ?? "-"}   date {h.Date ?? "-"}");
        sb.AppendLine(CultureInfo.InvariantCulture, $"  Title:       {h.Title ?? "-"}");
        if (h.Period is { } p)
            sb.AppendLine(CultureInfo.InvariantCulture, $"  Period:      {PeriodText.Name(p) ?? p.Kind} ({p.Kind})  {p.From} → {p.To}{(p.Explicit ? " (stated)" : " (by rule)")}");
        if (h.Signer is { } s) sb.AppendLine(CultureInfo.InvariantCulture, $"  Signer:      {string.Join(" ", new[] { s.Authority, s.Title }.Where(x => x is not null))} — {s.Name ?? "-"}");
        if (h.Forms.Count > 0) sb.AppendLine(CultureInfo.InvariantCulture, $"  Forms:       {string.Join(", ", h.Forms)}");
        if (h.References.Count > 0) sb.AppendLine(CultureInfo.InvariantCulture, $"  References:  {string.Join(", ", h.References)}");
        if (r.Figures.Count > 0)
        {
            sb.AppendLine("  Figures in the prose:");
            foreach (var f in r.Figures) sb.AppendLine(CultureInfo.InvariantCulture, $"    {f.Key,-32} {f.Value,12}{(f.Scope is null ? "" : $"  [{f.Scope}]")}  (p.{f.Page})");
        }
        foreach (var t in r.Tables)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"  Table {t.Index + 1}: {t.Form ?? "(no form code)"}  {t.Title ?? ""}  p.{t.Page}  {t.Rows.Count} rows × {t.Columns.Count} columns{(t.NeedsReview ? "  [needs review]" : "")}");
            var mapped = t.Columns.Where(c => c.Key is not null).Select(c => $"{c.Number?.ToString(CultureInfo.InvariantCulture) ?? c.Id}→{c.Key}").ToList();
            if (mapped.Count > 0) sb.AppendLine(CultureInfo.InvariantCulture, $"    columns: {string.Join(", ", mapped)}");
            foreach (var row in t.Rows.Where(x => x.Kind == "total"))
                sb.AppendLine(CultureInfo.InvariantCulture, $"    {row.Label}: {string.Join(", ", row.Values.Select(v => $"{v.Key}={v.Value?.ToString(CultureInfo.InvariantCulture) ?? "·"}"))}");
        }
        if (r.Checks.Count > 0)
        {
            var counts = string.Join(", ", new[] { Checks.Severity.Error, Checks.Severity.Warning, Checks.Severity.Doubt, Checks.Severity.Info }.Select(s => $"{r.Checks.Count(c => c.Severity == s)} {s}"));
            sb.AppendLine(CultureInfo.InvariantCulture, $"  Checks:      {counts}  (details: ./baocao check)");
            foreach (var c in r.Checks.Where(c => c.Severity != Checks.Severity.Info))
                sb.AppendLine(CultureInfo.InvariantCulture, $"    {c.Severity} {c.Rule}{(c.Table is { } ti ? $" table {ti}" : "")}{(c.Row is { } row ? $" «{row}»" : "")}: {c.Message}");
        }
        foreach (var wmsg in r.Warnings) sb.AppendLine(CultureInfo.InvariantCulture, $"  warning: {wmsg}");
        return sb.ToString();
    }
}
