using Baocao.Documents;
using Baocao.Readers;

namespace Baocao.Native;

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
        var head = FileHead.Read(path, 512);
        if (head.Length == 0) throw new BadInputException(path, "empty file");
        if (head.AsSpan().StartsWith("%PDF"u8)) throw new BadInputException(path, "not a Word .doc: the content is a PDF (wrong extension?)");
        if (!LooksLikeWordFile(head))
            throw new BadInputException(path, "not a Word .doc file (neither a Word binary, RTF, HTML nor a zipped DOCX)");
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

    /// <summary>
    /// What archives hold under .doc: Word's binary (an OLE2 compound file), RTF, Word's "web page" HTML (and its MIME
    /// form), or a DOCX with the old extension. LibreOffice opens anything else as plain text, so random bytes would give
    /// an empty record and no error: they are refused here instead.
    /// </summary>
    internal static bool LooksLikeWordFile(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith(new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 })) return true;
        if (head.StartsWith("PK\x03\x04"u8)) return true;
        if (head.StartsWith(new byte[] { 0xEF, 0xBB, 0xBF })) head = head[3..];
        while (head.Length > 0 && head[0] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n') head = head[1..];
        return head.StartsWith("{\\rtf"u8) || head.StartsWith("<"u8) || head.StartsWith("MIME-Version:"u8);
    }
}
