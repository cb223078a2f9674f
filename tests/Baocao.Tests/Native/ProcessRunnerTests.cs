using Baocao.Native;

namespace Baocao.Tests.Native;

public class ProcessRunnerTests
{
    [Fact]
    public void A_hanging_tool_is_killed_at_the_timeout()
    {
        var r = ProcessRunner.Run("sleep", ["30"], o => o.ReadToEnd(), TimeSpan.FromMilliseconds(300));
        Assert.True(r.TimedOut);
    }

    [Fact]
    public void A_missing_tool_says_what_to_install()
    {
        var e = Assert.Throws<ToolMissingException>(() => ProcessRunner.Run("baocao-no-such-tool", [], o => o.ReadToEnd(), TimeSpan.FromSeconds(5)));
        Assert.Contains("poppler-utils", e.Message);
    }

    [Fact]
    public void Output_is_streamed_and_the_exit_code_kept()
    {
        string? text = null;
        var r = ProcessRunner.Run("sh", ["-c", "echo Trà Vinh; echo oops >&2; exit 3"], o => text = o.ReadToEnd(), TimeSpan.FromSeconds(5));
        Assert.Equal(3, r.ExitCode);
        Assert.Equal("Trà Vinh\n", text);
        Assert.Contains("oops", r.StdErr);
    }

    [Theory]
    [InlineData("Command Line Error: Incorrect password", "password is required")]
    [InlineData("Syntax Warning: May not be a PDF file (continuing anyway)", "not a PDF")]
    [InlineData("Syntax Error: Couldn't find trailer dictionary", "truncated")]
    public void Poppler_errors_become_one_readable_line(string stderr, string expected) =>
        Assert.Contains(expected, PopplerMuPdfToolkit.Classify(stderr));
}
