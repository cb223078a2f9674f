using Baocao.Documents;
using Baocao.Native;

namespace Baocao.Readers;

/// <summary>
/// Legacy Word .doc: converted to .docx by <see cref="IDocConverter"/> (LibreOffice headless), then read by the DOCX
/// reader; the record names the .doc and its hash. Fonts survive the conversion, so text typed in TCVN3/VNI fonts is
/// converted like a .docx's.
/// </summary>
public sealed class LegacyDocReader(IDocConverter converter, DocxReader docx) : IDocumentReader
{
    public string Format => "doc";

    public DocumentContent Read(string path, string sha256)
    {
        var head = FileHead.Read(path, 8);
        if (head.Length == 0) throw new BadInputException(path, "empty file");
        if (head.AsSpan().StartsWith("%PDF"u8)) throw new BadInputException(path, "not a Word .doc: the content is a PDF (wrong extension?)");
        var folder = Directory.CreateTempSubdirectory("baocao-doc").FullName;
        try
        {
            var converted = converter.ToDocx(path, folder);
            DocumentContent content;
            try { content = docx.Read(converted, sha256); }
            catch (BadInputException e) { throw new BadInputException(path, e.Reason, e); }
            return content with { Source = content.Source with { Path = path, Format = Format } };
        }
        finally { Directory.Delete(folder, true); }
    }
}
