using System.Globalization;
using System.Text;
using Baocao.Index;

namespace Baocao.Output;

/// <summary>The human-readable search result printed by <c>search</c> without <c>--json</c>.</summary>
public static class SearchResultText
{
    /// <param name="allFacets">Every value of each facet (<c>--facets-all</c>); otherwise the first 15 and how many more.</param>
    public static string Render(SearchResult result, SearchQuery query, bool allFacets = false)
    {
        var sb = new StringBuilder();
        if (result.Corrected && result.Suggestion is { } fixedQuery)
            sb.AppendLine(CultureInfo.InvariantCulture, $"Không có báo cáo nào chứa \"{query.Text}\"; kết quả cho \"{fixedQuery}\" (no report holds \"{query.Text}\"; showing \"{fixedQuery}\")");
        else if (result.Suggestion is { } suggestion)
            sb.AppendLine(CultureInfo.InvariantCulture, $"Có phải bạn muốn tìm \"{suggestion}\"? (did you mean \"{suggestion}\"?)");
        var what = string.IsNullOrWhiteSpace(query.Text) ? "" : $" for \"{query.Text}\"";
        sb.Append(CultureInfo.InvariantCulture, $"{result.TotalDocuments} report(s)");
        if (query.SelectsRows) sb.Append(CultureInfo.InvariantCulture, $", {result.TotalRows} table row(s)");
        sb.AppendLine(CultureInfo.InvariantCulture, $" match{what}{(result.Documents.Count < result.TotalDocuments ? result.Offset > 0 ? $"; {result.Offset + 1} to {result.Offset + result.Documents.Count}:" : $"; the first {result.Documents.Count}:" : ".")}");
        var n = result.Offset;
        foreach (var d in result.Documents)
        {
            sb.AppendLine();
            var meta = new[] { d.Number, d.Agency, d.Province, d.Period ?? d.Date, d.Forms.Count > 0 ? string.Join(" ", d.Forms) : null }.Where(s => !string.IsNullOrEmpty(s));
            sb.AppendLine(CultureInfo.InvariantCulture, $"{++n}. {d.FileName}  {string.Join(" · ", meta)}");
            sb.AppendLine(CultureInfo.InvariantCulture, $"   {d.Path}");
            if (d.Copies.Count > 0)
                sb.AppendLine(CultureInfo.InvariantCulture, $"   {d.Copies.Count + 1} files of this report; also: {string.Join(", ", d.Copies.Select(c => $"{c.FileName} ({CopyKind(c)}, id {c.Id})"))}");
            if (d.Title is not null) sb.AppendLine(CultureInfo.InvariantCulture, $"   {d.Title}");
            foreach (var h in d.Highlights) sb.AppendLine(CultureInfo.InvariantCulture, $"   ~ {h.Field}{(h.Page is { } p ? $" (p.{p})" : "")}: {h.Text}");
            if (d.Figures.Count > 0)
                sb.AppendLine("   figures: " + string.Join(", ", d.Figures.Select(f => $"{f.Key}{(f.Scope is null ? "" : $" [{f.Scope}]")} {Num(f.Value)} (p.{f.Page})")));
            if (d.MatchedRows > 0)
                sb.AppendLine(CultureInfo.InvariantCulture, $"   rows{(d.MatchedRows > d.Rows.Count ? $" ({d.Rows.Count} of {d.MatchedRows})" : "")}:");
            foreach (var r in d.Rows)
            {
                sb.AppendLine(CultureInfo.InvariantCulture, $"   - table {r.Table + 1}{(r.Form is null ? "" : " " + r.Form)}, row {(string.IsNullOrEmpty(r.Stt) ? "-" : r.Stt)}, p.{r.Page}: {r.Highlight ?? r.Label}");
                if (r.Values.Count > 0) sb.AppendLine("       " + string.Join("  ", r.Values.Select(v => $"{v.Key}={(v.Value is { } x ? Num(x) : "·")}")));
            }
        }
        if (result.NextOffset is { } next)
        {
            sb.AppendLine();
            sb.AppendLine(CultureInfo.InvariantCulture, $"Trang sau (next page): --offset {next}");
        }
        if (result.Facets is { } f)
        {
            sb.AppendLine();
            sb.AppendLine("Facets (reports):");
            var shown = allFacets ? int.MaxValue : FacetsShown;
            var cut = false;
            foreach (var (name, list) in f.All())
            {
                cut |= list.Count > shown;
                sb.AppendLine(string.Create(CultureInfo.InvariantCulture, $"  {name,-9} ") + (list.Count == 0 ? "-" : string.Join(", ", list.Take(shown).Select(x => $"{x.Value} ({x.Count})")) + (list.Count > shown ? $", … {list.Count - shown} more" : "")));
            }
            if (cut) sb.AppendLine("  (every value: --facets-all)");
        }
        return sb.ToString();
    }

    /// <summary>Values shown per facet unless every one is asked for.</summary>
    public const int FacetsShown = 15;

    /// <summary>"scan", or the file's format ("pdf", "docx").</summary>
    public static string CopyKind(CopyHit c) => c.Ocr ? "scan" : c.Format ?? "?";

    private static string Num(decimal v) => v.ToString(CultureInfo.InvariantCulture);
}
