using Baocao.Cli;

namespace Baocao.Tests;

[CollectionDefinition("console", DisableParallelization = true)]
public class ConsoleCollection;

/// <summary>The command line as a user meets it: one line per bad file on stderr, a non-zero exit, the rest still done.</summary>
[Collection("console")]
public class CliTests
{
    private static (int code, string stdout, string stderr) Run(params string[] args)
    {
        var (oldOut, oldErr) = (Console.Out, Console.Error);
        var (o, e) = (new StringWriter(), new StringWriter());
        Console.SetOut(o);
        Console.SetError(e);
        try { return (App.Run(args), o.ToString(), e.ToString()); }
        finally { Console.SetOut(oldOut); Console.SetError(oldErr); }
    }

    [Fact]
    public void A_bad_file_gets_one_line_and_the_good_one_is_still_extracted()
    {
        var missing = Path.Combine(Path.GetTempPath(), "baocao-no-such-file.pdf");
        var good = Path.Combine(AppContext.BaseDirectory, "Fixtures", "tiny.pdf");
        var (code, stdout, stderr) = Run("extract", missing, good);
        Assert.Equal(1, code);
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal($"error: {missing}: no such file", Assert.Single(lines));
        Assert.Contains("tiny.pdf", stdout);
        Assert.DoesNotContain("   at ", stderr); // no stack trace
    }

    [Fact]
    public void Json_output_has_the_documented_top_level_fields()
    {
        var good = Path.Combine(AppContext.BaseDirectory, "Fixtures", "tiny.pdf");
        var (code, stdout, _) = Run("extract", good, "--json");
        Assert.Equal(0, code);
        using var doc = System.Text.Json.JsonDocument.Parse(stdout);
        Assert.Equal(["source", "header", "tables", "figures", "checks", "warnings"], doc.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal("pdf", doc.RootElement.GetProperty("source").GetProperty("format").GetString());
    }

    [Fact]
    public void Encrypted_pdf_exits_non_zero_with_the_reason()
    {
        var enc = Path.Combine(AppContext.BaseDirectory, "Fixtures", "encrypted.pdf");
        var (code, _, stderr) = Run("extract", enc);
        Assert.Equal(1, code);
        Assert.Equal($"error: {enc}: encrypted PDF: a password is required to open it", stderr.Trim());
    }
}
