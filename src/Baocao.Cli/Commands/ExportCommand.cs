using System.CommandLine;
using Baocao.Index;
using Baocao.Output;
using Baocao.Reports;

namespace Baocao.Cli;

/// <summary>
/// <c>baocao export [QUERY] [--format csv|xlsx|jsonl] [--out FILE] [filters]</c>: one line per table row with its report's
/// metadata, for the rows a search selects, or every row of the matching reports (the whole index without filters).
/// </summary>
public static class ExportCommand
{
    public static Command Create()
    {
        var opts = new IndexOptions();
        var format = new Option<string?>("--format") { Description = "csv, xlsx or jsonl (default: from --out's extension, else csv)" };
        format.AcceptOnlyFromAmong([.. RowExport.Formats]);
        var output = new Option<string?>("--out") { Description = "the file to write (default: standard output)" };
        var cmd = new Command("export", "Export table rows with their report's metadata as CSV, XLSX or JSON lines");
        opts.AddFilters(cmd);
        cmd.Options.Add(format);
        cmd.Options.Add(output);
        cmd.SetAction(p => IndexOptions.Guard(() => Run(p, opts, p.GetValue(format), p.GetValue(output))));
        return cmd;
    }

    private static int Run(ParseResult p, IndexOptions opts, string? format, string? output)
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
        var keys = CanonicalKeys.Dossier.Concat(index.ValueKeys()).Distinct().ToList();
        int n;
        if (output is null)
        {
            using var stdout = Console.OpenStandardOutput();
            n = RowExport.Write(format, stdout, index.Export(query), keys);
        }
        else
        {
            // Written beside the target and moved into place at the end: a failed export leaves no half file.
            var tmp = output + ".part";
            try
            {
                using (var fs = File.Create(tmp)) n = RowExport.Write(format, fs, index.Export(query), keys);
                File.Move(tmp, output, overwrite: true);
            }
            finally { if (File.Exists(tmp)) File.Delete(tmp); }
        }
        Console.Error.WriteLine($"exported {n} row(s) as {format}{(output is null ? "" : " to " + output)}");
        return 0;
    }
}
