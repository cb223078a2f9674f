using System.CommandLine;
using Baocao.Index;
using Baocao.Output;

namespace Baocao.Cli;

/// <summary>
/// <c>baocao search [QUERY] [filters] [--facets] [--json] [--index FILE]</c>: the matching reports and table rows, each
/// with highlights, figures and provenance (file, path, page); <c>--facets</c> adds counts by province, agency, year and form.
/// </summary>
public static class SearchCommand
{
    public static Command Create()
    {
        var opts = new IndexOptions();
        var facets = new Option<bool>("--facets") { Description = "add counts of the matching reports by province, agency, field (lĩnh vực), year, period, form, errors and review" };
        var facetsAll = new Option<bool>("--facets-all") { Description = "as --facets, with every value of each facet (--facets shows the first 15 and how many more)" };
        var json = new Option<bool>("--json") { Description = "print the result as JSON (docs/index.md)" };
        var limit = new Option<int>("--limit") { Description = "reports to show", DefaultValueFactory = _ => 20 };
        var offset = new Option<int>("--offset") { Description = "bỏ qua N báo cáo đầu (skip the first N reports: the next page)", DefaultValueFactory = _ => 0 };
        var sort = new Option<string?>("--sort") { Description = "sắp xếp (order): " + SearchSort.Forms };
        var cmd = new Command("search", "Find reports and table rows by words, agency, province, period, form and numeric conditions");
        opts.AddFilters(cmd);
        cmd.Options.Add(facets);
        cmd.Options.Add(facetsAll);
        cmd.Options.Add(json);
        cmd.Options.Add(limit);
        cmd.Options.Add(offset);
        cmd.Options.Add(sort);
        cmd.SetAction(p => IndexOptions.Guard(() =>
        {
            using var index = IndexLocation.OpenRead(IndexOptions.IndexPath(p, opts.Index));
            if (p.GetValue(offset) < 0) throw new QueryException($"--offset {p.GetValue(offset)}: phải là số không âm (must be 0 or more)");
            var query = opts.ToQuery(p, index, p.GetValue(facets) || p.GetValue(facetsAll), Math.Max(1, p.GetValue(limit))) with
            {
                Offset = p.GetValue(offset),
                Sort = p.GetValue(sort) is { } s ? SearchSort.Parse(s) : null,
            };
            var result = index.Search(query);
            Console.Write(p.GetValue(json) ? SearchResultJson.Serialize(result) + "\n" : SearchResultText.Render(result, query, p.GetValue(facetsAll)));
            return 0;
        }));
        return cmd;
    }
}
