using System.CommandLine;
using Baocao.Index;
using Baocao.Output;

namespace Baocao.Cli;

/// <summary>
/// <c>baocao export [QUERY] [--format csv|xlsx|jsonl] [--out FILE] [--rows item|all|KINDS] [--keys] [--lang vi|en] [--all-columns] [filters]</c>:
/// one line per table row with its report's metadata, for the rows a search selects, or every row of the matching reports
/// (the whole index without filters); item rows only unless <c>--rows</c> says otherwise (see <see cref="RowExport"/>).
/// </summary>
public static class ExportCommand
{
    public static Command Create()
    {
        var opts = new IndexOptions();
        var format = new Option<string?>("--format") { Description = "csv, xlsx or jsonl (default: from --out's extension, else csv)" };
        format.AcceptOnlyFromAmong([.. RowExport.Formats]);
        var output = new Option<string?>("--out") { Description = "the file to write (default: standard output)" };
        var rows = new Option<string?>("--rows") { Description = "item (default: the rows a column sums over), all (also group, total and percentage rows), or kinds separated by commas: item,group,total,percent" };
        var keys = new Option<bool>("--keys") { Description = "canonical keys (received.total) as column headers instead of the Vietnamese labels" };
        var lang = new Option<string?>("--lang") { Description = "vi (default): Vietnamese headers, periods and row kinds; en: English" };
        var allColumns = new Option<bool>("--all-columns") { Description = "a column for every key the index knows, also those without a value in the exported rows" };
        var cmd = new Command("export", "Export table rows with their report's metadata as CSV, XLSX or JSON lines");
        opts.AddFilters(cmd);
        cmd.Options.Add(format);
        cmd.Options.Add(output);
        cmd.Options.Add(rows);
        cmd.Options.Add(keys);
        cmd.Options.Add(lang);
        cmd.Options.Add(allColumns);
        cmd.SetAction(p =>
        {
            IReadOnlySet<string>? kinds;
            try { kinds = ExportOptions.ParseRows(p.GetValue(rows)); }
            catch (ArgumentException e) { Console.Error.WriteLine($"error: export: --{e.Message}"); return 2; }
            var language = p.GetValue(lang) ?? "vi";
            if (language is not ("vi" or "en")) { Console.Error.WriteLine($"error: export: --lang '{Baocao.Text.LogText.Escape(language)}' is not vi or en"); return 2; }
            var options = new ExportOptions(kinds, p.GetValue(keys), language == "en", p.GetValue(allColumns));
            return IndexOptions.Guard(() => Run(p, opts, p.GetValue(format), p.GetValue(output), options));
        });
        return cmd;
    }

    private static int Run(ParseResult p, IndexOptions opts, string? format, string? output, ExportOptions options)
    {
        var location = IndexOptions.IndexPath(p, opts.Index);
        format ??= output is null ? "csv" : Path.GetExtension(output).TrimStart('.').ToLowerInvariant() switch
        {
            "xlsx" => "xlsx", "jsonl" or "ndjson" => "jsonl", _ => "csv",
        };
        if (output is not null && !IndexLocation.IsUrl(location) && Path.GetFullPath(output) == Path.GetFullPath(location))
        {
            Console.Error.WriteLine($"error: {output}: is the index itself; choose another --out");
            return 2;
        }
        using var index = IndexLocation.OpenRead(location);
        var query = opts.ToQuery(p, index);
        int n;
        if (output is null)
        {
            using var stdout = Console.OpenStandardOutput();
            n = RowExport.Write(format, stdout, index, query, options);
        }
        else
        {
            // Written beside the target and moved into place at the end: a failed export leaves no half file.
            var tmp = output + ".part";
            try
            {
                using (var fs = File.Create(tmp)) n = RowExport.Write(format, fs, index, query, options);
                File.Move(tmp, output, overwrite: true);
            }
            finally { if (File.Exists(tmp)) File.Delete(tmp); }
        }
        Console.Error.WriteLine($"exported {n} row(s) as {format}{(output is null ? "" : " to " + output)}");
        return 0;
    }
}
