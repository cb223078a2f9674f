using System.Diagnostics;
using Baocao.Cli;
using Baocao.Tests.Corpus;
using Baocao.Tests.Index;

namespace Baocao.Tests.Ingest;

/// <summary>
/// <c>ingest</c> with every worker answer spilled to a temp file and stored from there row by row (what a huge table
/// takes) gives the index that holding each record whole gives, and leaves no temp file behind.
/// </summary>
public class SpillIngestTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("baocao-spill-ingest").FullName;

    public void Dispose() => Directory.Delete(dir, true);

    [Fact]
    public void Records_stored_from_spilled_answers_equal_records_held_whole()
    {
        var inputs = Directory.CreateDirectory(Path.Combine(dir, "in")).FullName;
        foreach (var n in new[] { "01-stttt-travinh-q2-2021.pdf", "05-ubnd-thuathienhue-2020.docx", "14-skhdt-vinhlong-q1-2022.docx" })
            File.Copy(Path.Combine(CorpusTests.CorpusDir, n), Path.Combine(inputs, n));
        File.WriteAllText(Path.Combine(inputs, "broken.pdf"), "%PDF-1.4 broken");
        using var whole = new TempIndex();
        using var spilled = new TempIndex();
        var temp = Directory.CreateDirectory(Path.Combine(dir, "tmp")).FullName;
        Assert.Equal(1, Ingest(inputs, whole.Path, null, temp)); // 1: broken.pdf
        Assert.Equal(1, Ingest(inputs, spilled.Path, 1, temp));   // every answer (the failure's too) goes through a file
        Assert.Empty(Directory.GetFiles(temp, "baocao-answer-*"));

        var dump = whole.Dump();
        Assert.Contains("14-skhdt-vinhlong-q1-2022.docx", dump);
        Assert.Contains("broken.pdf", dump);
        Assert.Equal(dump, spilled.Dump());
    }

    /// <summary>Runs <c>ingest</c> in its own process, answers spilled above <paramref name="spillAbove"/> bytes, temp files in <paramref name="temp"/>.</summary>
    private static int Ingest(string folder, string index, long? spillAbove, string temp)
    {
        var cmd = WorkerCommand.SelfCommand(["ingest", folder, "--index", index, "--workers", "1"]);
        var psi = new ProcessStartInfo(cmd[0]) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in cmd.Skip(1)) psi.ArgumentList.Add(a);
        if (spillAbove is { } s) psi.Environment[IngestCommand.SpillVariable] = s.ToString(System.Globalization.CultureInfo.InvariantCulture);
        psi.Environment["TMPDIR"] = temp;
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        Assert.True(p.WaitForExit(TimeSpan.FromMinutes(4)), "ingest did not finish");
        Assert.DoesNotContain("Exception", stdout.Result + stderr.Result);
        return p.ExitCode;
    }
}
