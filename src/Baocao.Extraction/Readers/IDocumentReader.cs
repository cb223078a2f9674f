using Baocao.Documents;

namespace Baocao.Readers;

/// <summary>Turns one source file into blocks in reading order. Throws <see cref="BadInputException"/> for unreadable input.</summary>
public interface IDocumentReader
{
    /// <summary>The format name recorded in <see cref="SourceInfo.Format"/> ("docx", "pdf").</summary>
    string Format { get; }
    DocumentContent Read(string path, string sha256);
}
