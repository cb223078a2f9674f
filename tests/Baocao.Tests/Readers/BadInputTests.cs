using Baocao.Native;
using Baocao.Pipeline;
using Baocao.Readers;

namespace Baocao.Tests.Readers;

/// <summary>Every bad input gets one clear reason naming the file. These run the real readers (poppler for PDF).</summary>
public class BadInputTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("baocao-bad").FullName;
    internal static readonly string Fixtures = Path.Combine(AppContext.BaseDirectory, "Fixtures");

    public void Dispose() => Directory.Delete(_dir, true);

    private string Write(string name, byte[] content)
    {
        var p = Path.Combine(_dir, name);
        File.WriteAllBytes(p, content);
        return p;
    }

    private static BadInputException Fails(string path)
    {
        var e = Assert.Throws<BadInputException>(() => Extractor.CreateDefault().Extract(path));
        Assert.Equal(path, e.FilePath);
        Assert.Contains(path, e.Message);
        Assert.DoesNotContain("\n", e.Reason);
        return e;
    }

    [Fact]
    public void Missing_file() => Assert.Equal("no such file", Fails(Path.Combine(_dir, "nope.pdf")).Reason);

    [Fact]
    public void Unsupported_extension() => Assert.StartsWith("unsupported file type '.txt'", Fails(Write("a.txt", "x"u8.ToArray())).Reason);

    [Fact]
    public void Zero_byte_pdf() => Assert.Equal("empty file (0 bytes)", Fails(Write("empty.pdf", [])).Reason);

    [Fact]
    public void Not_a_pdf_at_all() => Assert.Contains("no %PDF header", Fails(Write("fake.pdf", "hello"u8.ToArray())).Reason);

    [Fact]
    public void Truncated_pdf() => Assert.Contains("truncated", Fails(Path.Combine(Fixtures, "truncated.pdf")).Reason);

    [Fact]
    public void Encrypted_pdf() => Assert.Contains("password is required", Fails(Path.Combine(Fixtures, "encrypted.pdf")).Reason);

    [Fact]
    public void Docx_that_is_not_a_zip() => Assert.Contains("not a valid zip archive", Fails(Write("report.docx", "plain text"u8.ToArray())).Reason);

    [Fact]
    public void Truncated_docx()
    {
        // A real DOCX cut in half: a zip whose central directory is gone (OpenXml 3 wraps the zip error differently from 2.x).
        var docx = Directory.GetFiles(Path.Combine(Baocao.Tests.Corpus.CorpusTests.RepoRoot(), "corpus-samples"), "*.docx").Order().First();
        var bytes = File.ReadAllBytes(docx);
        var reason = Fails(Write("half.docx", bytes[..(bytes.Length / 2)])).Reason;
        Assert.StartsWith("not a", reason);
        Assert.DoesNotContain("\n", reason);
    }

    [Fact]
    public void A_docx_part_with_an_unknown_compression_method() =>
        // Found by bench fuzz (seed 7, a bit flipped in a local file header): was "could not be extracted (InvalidDataException …)".
        Assert.StartsWith("DOCX part word/documenu.xml is damaged (The archive entry was compressed using an unsupported compression method",
            Fails(Path.Combine(Fixtures, "damaged-compression-method.docx")).Reason);

    [Fact]
    public void Random_bytes_saved_as_doc()
    {
        // LibreOffice would open them as plain text and give an empty record with exit 0; refused before conversion.
        var bytes = new byte[4096];
        new Random(16).NextBytes(bytes);
        bytes[0] = 0x17;
        Assert.StartsWith("not a Word .doc file", Fails(Write("old.doc", bytes)).Reason);
    }

    [Theory]
    [InlineData(new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0 }, true)]
    [InlineData(new byte[] { (byte)'{', (byte)'\\', (byte)'r', (byte)'t', (byte)'f', (byte)'1' }, true)]
    [InlineData(new byte[] { 0xEF, 0xBB, 0xBF, (byte)'\n', (byte)'<', (byte)'h' }, true)]
    [InlineData(new byte[] { (byte)'P', (byte)'K', 3, 4 }, true)]
    [InlineData(new byte[] { (byte)'h', (byte)'e', (byte)'l', (byte)'l', (byte)'o' }, false)]
    [InlineData(new byte[] { 0xD0, 0xCF, 0x11, 0xE0 }, false)]
    public void Word_file_signatures(byte[] head, bool word) => Assert.Equal(word, LegacyDocReader.LooksLikeWordFile(head));

    [Fact]
    public void Pdf_saved_as_docx() =>
        Assert.Contains("the content is a PDF", Fails(Write("report.docx", File.ReadAllBytes(Path.Combine(Fixtures, "tiny.pdf")))).Reason);

    [Fact]
    public void A_good_pdf_still_extracts()
    {
        var r = Extractor.CreateDefault().Extract(Path.Combine(Fixtures, "tiny.pdf"));
        Assert.Equal(1, r.Source.Pages);
        Assert.Equal("pdf", r.Source.Format);
        Assert.Equal(64, r.Source.Sha256.Length);
    }
}
