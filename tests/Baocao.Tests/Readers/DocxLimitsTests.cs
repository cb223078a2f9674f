using System.IO.Compression;
using System.Text;
using Baocao.Pipeline;
using Baocao.Readers;
using Baocao.Tests.Corpus;

namespace Baocao.Tests.Readers;

/// <summary>DOCX files built to exhaust the reader: refused with one line before parsing, the rest of a batch untouched.</summary>
public class DocxLimitsTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("baocao-docx-limits").FullName;

    public void Dispose() => Directory.Delete(dir, true);

    /// <summary>A real sample with its document.xml replaced.</summary>
    private string WithDocument(string name, Action<Stream> writeDocument)
    {
        var path = Path.Combine(dir, name);
        File.Copy(Path.Combine(CorpusTests.CorpusDir, "06-stp-bentre-q4-2019.docx"), path);
        using var zip = ZipFile.Open(path, ZipArchiveMode.Update);
        zip.GetEntry("word/document.xml")!.Delete();
        using var s = zip.CreateEntry("word/document.xml", CompressionLevel.Optimal).Open();
        writeDocument(s);
        return path;
    }

    private static void Text(Stream s, string text)
    {
        var b = Encoding.UTF8.GetBytes(text);
        s.Write(b);
    }

    private const string Open = "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>";
    private const string Close = "</w:body></w:document>";

    [Fact]
    public void A_document_nested_100000_deep_is_refused_before_it_can_overflow_the_stack()
    {
        var path = WithDocument("deep.docx", s =>
        {
            Text(s, Open);
            for (var i = 0; i < 100_000; i++) Text(s, "<w:sdt><w:sdtContent>");
            for (var i = 0; i < 100_000; i++) Text(s, "</w:sdtContent></w:sdt>");
            Text(s, Close);
        });
        var e = Assert.Throws<BadInputException>(() => Extractor.CreateDefault(ocrWorkers: 0).Extract(path));
        Assert.Equal("DOCX part word/document.xml is nested more than 400 elements deep: not a report", e.Reason);
    }

    [Fact]
    public void A_part_larger_than_the_bound_is_a_zip_bomb_and_costs_no_parse()
    {
        var path = WithDocument("bomb.docx", s =>
        {
            Text(s, Open + "<w:p><w:r><w:t>");
            var spaces = new byte[1 << 16];
            Array.Fill(spaces, (byte)' ');
            for (var i = 0; i < 48; i++) s.Write(spaces); // 3 MiB of blanks, a few KiB compressed
            Text(s, "</w:t></w:r></w:p>" + Close);
        });
        Assert.True(new FileInfo(path).Length < 200_000);
        var e = Assert.Throws<BadInputException>(() => new DocxLimits(MaxPartBytes: 2L << 20).Check(path));
        Assert.StartsWith("DOCX part word/document.xml is 4 MiB uncompressed (limit 2 MiB)", e.Reason);
    }

    [Fact]
    public void Too_many_elements_are_refused_and_a_real_report_is_well_within_the_bounds()
    {
        var path = WithDocument("many.docx", s =>
        {
            Text(s, Open);
            for (var i = 0; i < 5000; i++) Text(s, "<w:p/>");
            Text(s, Close);
        });
        var e = Assert.Throws<BadInputException>(() => new DocxLimits(MaxElements: 4000).Check(path));
        Assert.Contains("more than 4,000 XML elements", e.Reason);
        foreach (var sample in Directory.GetFiles(CorpusTests.CorpusDir, "*.docx"))
            DocxLimits.Default.Check(sample); // the samples pass
    }
}
