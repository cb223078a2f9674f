using System.CommandLine;
using Baocao.Index;
using Baocao.Web;

namespace Baocao.Cli;

/// <summary>
/// <c>baocao serve [--index FILE] [--port N] [--host ADDR]</c>: the web interface over the index (search with facets,
/// documents beside their source pages, checks, charts, export), with its JSON API; on 127.0.0.1 unless told otherwise.
/// </summary>
public static class ServeCommand
{
    public static Command Create()
    {
        var opts = new IndexOptions();
        var port = new Option<int>("--port") { Description = "TCP port (0 picks a free one)", DefaultValueFactory = _ => 5080 };
        var host = new Option<string>("--host") { Description = "address to listen on: 127.0.0.1 (this machine only) or 0.0.0.0 (every interface)", DefaultValueFactory = _ => "127.0.0.1" };
        var showPaths = new Option<bool>("--show-paths") { Description = "show source files' whole paths (by default relative to the folder holding every indexed file, so the server does not reveal its disk's layout)" };
        var readOnly = new Option<bool>("--read-only") { Description = "refuse every write (the reviewers' corrections): no token is made" };
        var cmd = new Command("serve", "Web interface and JSON API over the index (search, documents with their source pages, checks, review, charts, export)") { opts.Index, port, host, showPaths, readOnly };
        cmd.SetAction(p => IndexOptions.Guard(() =>
        {
            var location = IndexOptions.IndexPath(p, opts.Index);
            if (p.GetValue(port) is < 0 or > 65535) { Console.Error.WriteLine($"error: --port {p.GetValue(port)}: not a TCP port (0-65535)"); return 2; }
            RunningServer server;
            try { server = WebServer.Start(new ServeOptions(location, p.GetValue(port), p.GetValue(host)!, ShowPaths: p.GetValue(showPaths), ReadOnly: p.GetValue(readOnly))); }
            catch (ArgumentException e) { Console.Error.WriteLine($"error: {e.Message}"); return 2; }
            catch (IOException e)
            {
                Console.Error.WriteLine($"error: {p.GetValue(host)}:{p.GetValue(port)}: cannot listen ({e.Message.Split('\n')[0]})");
                return 2;
            }
            using (server)
            {
                Console.WriteLine($"serving {server.BaseUrl}/ over {location} (data folder {SourceStore.DataFolderOf(location)}); Ctrl+C stops");
                // The token is the only thing that lets a request write: printed here, for the reviewer to type on the review page.
                Console.WriteLine(server.Token is { } token
                    ? $"mã ghi (write token) cho trang Duyệt: {token}"
                    : "chỉ đọc (read-only): không nhận hiệu đính");
                server.WaitForShutdown();
            }
            return 0;
        }));
        return cmd;
    }
}
