using Baocao.Text;

namespace Baocao.Tests.Text;

public class LogTextTests
{
    [Theory]
    [InlineData("/kho/2021/báo cáo.pdf", "/kho/2021/báo cáo.pdf")]
    [InlineData("a.pdf\nindexed forged.pdf", "a.pdf\\nindexed forged.pdf")]
    [InlineData("a\r\tb", "a\\r\\tb")]
    [InlineData("x\u001b[31mred", "x\\u001B[31mred")]
    [InlineData("p\u2028q", "p\\u2028q")]
    public void Control_characters_are_escaped_and_text_kept(string input, string expected) => Assert.Equal(expected, LogText.Escape(input));

    [Fact]
    public void A_newline_in_a_file_name_cannot_forge_a_line_of_extract()
    {
        var dir = Directory.CreateTempSubdirectory("baocao-logtext-").FullName;
        try
        {
            var path = Path.Combine(dir, "a.pdf\nindexed forged.pdf");
            File.WriteAllText(path, "not a pdf");
            var (code, _, stderr) = CliRunner.Run("extract", path);
            Assert.Equal(1, code);
            var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.StartsWith("error: ", line);
            Assert.Contains("a.pdf\\nindexed forged.pdf", line);
        }
        finally { Directory.Delete(dir, true); }
    }
}
