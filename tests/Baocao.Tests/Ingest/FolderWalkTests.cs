using Baocao.Ingest;
using Baocao.Tests.Corpus;
using Baocao.Tests.Index;
using Mono.Unix;
using Mono.Unix.Native;

namespace Baocao.Tests.Ingest;

/// <summary>
/// The folder walk over what archive folders hold besides reports: links back up, links to each other, links out of
/// the folders given, a FIFO and a device named like reports. Nothing loops, nothing blocks, each skip says why.
/// </summary>
[Collection("console")]
public class FolderWalkTests : IDisposable
{
    private static readonly string[] Extensions = [".pdf", ".docx", ".doc"];
    private readonly string root = Directory.CreateTempSubdirectory("baocao-walk").FullName;
    private readonly string outside = Directory.CreateTempSubdirectory("baocao-walk-outside").FullName;

    public FolderWalkTests()
    {
        File.Copy(Path.Combine(CorpusTests.CorpusDir, "07-ubnd-phucat-t5-2022.pdf"), Path.Combine(root, "a.pdf"));
        Directory.CreateDirectory(Path.Combine(root, "2021", "q2"));
        File.Copy(Path.Combine(CorpusTests.CorpusDir, "06-stp-bentre-q4-2019.docx"), Path.Combine(root, "2021", "q2", "b.docx"));
        File.WriteAllText(Path.Combine(root, "2021", "notes.txt"), "not a report");
        File.Copy(Path.Combine(CorpusTests.CorpusDir, "12-ptp-chauthanh-t11-2021.docx"), Path.Combine(outside, "c.docx"));
        Link(".", "loop");                                         // loop -> .
        Link("..", "2021", "q2", "up");                            // 2021/q2/up -> ..
        Link(Path.Combine(root, "y"), "x");                        // x -> y, y -> x: neither resolves
        Link(Path.Combine(root, "x"), "y");
        Link("/dev/zero", "zero.pdf");                             // a device, out of the folders given
        Link(outside, "elsewhere");                                // a folder out of the folders given
        Link("a.pdf", "same-as-a.pdf");                            // the same file twice
        Assert.Equal(0, Syscall.mkfifo(Path.Combine(root, "pipe.pdf"), FilePermissions.DEFFILEMODE));
    }

    private void Link(string target, params string[] at) => new UnixSymbolicLinkInfo(Path.Combine([root, .. at])).CreateSymbolicLinkTo(target);

    public void Dispose()
    {
        Directory.Delete(root, true);
        Directory.Delete(outside, true);
    }

    private string P(params string[] parts) => Path.Combine([root, .. parts]);

    [Fact]
    public void Links_are_walked_once_and_special_files_skipped_with_a_reason()
    {
        var w = FolderWalk.Expand([root], Extensions);
        Assert.Equal([P("2021", "q2", "b.docx"), P("a.pdf")], w.Files);
        Assert.Empty(w.Missing);
        var skipped = w.Skipped.ToDictionary(s => s.Path, s => s.Reason);
        Assert.Contains("FIFO", skipped[P("pipe.pdf")]);
        Assert.Contains("link out of the folders given", skipped[P("zero.pdf")]);
        Assert.DoesNotContain(w.Files, f => f.Contains("elsewhere", StringComparison.Ordinal));
    }

    [Fact]
    public void The_walk_streams_a_later_folder_is_listed_only_after_the_first_file_is_handed_on()
    {
        // "2021/q2/b.docx" comes first; a file put into a later folder after that is still found: that folder was not
        // listed yet when the first file was handed on.
        Directory.CreateDirectory(P("2022"));
        using var walk = FolderWalk.Walk([root], Extensions).GetEnumerator();
        Assert.True(walk.MoveNext());
        Assert.Equal(new WalkItem(WalkKind.File, P("2021", "q2", "b.docx")), walk.Current);
        File.Copy(P("a.pdf"), P("2022", "late.pdf"));
        var rest = new List<WalkItem>();
        while (walk.MoveNext()) rest.Add(walk.Current);
        Assert.Equal([P("2022", "late.pdf"), P("a.pdf")], rest.Where(i => i.Kind == WalkKind.File).Select(i => i.Path));
    }

    [Fact]
    public void Files_come_in_the_order_of_their_whole_paths()
    {
        // "a-c.pdf" sorts before the folder "a" ('-' < '/'), as whole paths sort: the stream needs no sort afterwards.
        Directory.CreateDirectory(P("m"));
        File.Copy(P("a.pdf"), P("m", "x.pdf"));
        File.Copy(P("a.pdf"), P("m-c.pdf"));
        var files = FolderWalk.Expand([root], Extensions).Files;
        Assert.Equal(files.Order(StringComparer.Ordinal), files);
        Assert.True(files.IndexOf(P("m-c.pdf")) < files.IndexOf(P("m", "x.pdf")));
    }

    [Fact]
    public void Links_out_of_the_folders_are_followed_on_request_and_a_device_still_skipped()
    {
        var w = FolderWalk.Expand([root], Extensions, followLinks: true);
        Assert.Equal([P("2021", "q2", "b.docx"), P("a.pdf"), P("elsewhere", "c.docx")], w.Files);
        Assert.Contains("a device", w.Skipped.Single(s => s.Path == P("zero.pdf")).Reason);
    }

    [Fact]
    public void A_fifo_named_on_the_command_line_is_skipped_and_a_missing_path_reported()
    {
        var w = FolderWalk.Expand([P("pipe.pdf"), P("nope.pdf"), P("a.pdf")], Extensions);
        Assert.Equal([P("a.pdf")], w.Files);
        Assert.Equal([P("nope.pdf")], w.Missing);
        Assert.Contains("FIFO", Assert.Single(w.Skipped).Reason);
    }

    [Fact]
    public void Ingest_of_the_tree_indexes_each_report_once_and_says_what_it_skipped()
    {
        using var t = new TempIndex();
        var (code, _, stderr) = CliRunner.Run("ingest", root, "--index", t.Path, "--workers", "1");
        Assert.Equal(0, code);
        Assert.Contains($"warning: {P("pipe.pdf")}: skipped: a FIFO", stderr);
        Assert.Contains($"warning: {P("zero.pdf")}: a link out of the folders given", stderr);
        using var index = t.Read();
        Assert.Equal([P("2021", "q2", "b.docx"), P("a.pdf")], index.Sources().Select(s => s.Path).Order(StringComparer.Ordinal));
    }
}

