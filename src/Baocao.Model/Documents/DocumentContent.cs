using Baocao.Tables;

namespace Baocao.Documents;

/// <summary>Where a record came from: the file, its content hash, format and page count.</summary>
public sealed record SourceInfo(string Path, string Sha256, string Format, int Pages, bool Ocr);

/// <summary>Which part of the page a text block sits in. Headers and signature blocks are laid out in two columns.</summary>
public enum Side { Full, Left, Right }

/// <summary>One item of a document's content, in reading order.</summary>
public abstract record Block(int Page);

/// <summary>
/// A paragraph (DOCX) or a line segment (PDF). <paramref name="Box"/> is null where the format has no geometry (DOCX);
/// <paramref name="Confidence"/> is the lowest OCR confidence of its words (1 for a text layer).
/// </summary>
public sealed record TextBlock(string Text, int Page, BBox? Box, Side Side, bool Centered, bool Bold, double Confidence = 1.0) : Block(Page);

/// <summary>A detected table, as a grid of cells.</summary>
public sealed record TableBlock(CellGrid Grid) : Block(Grid.Page);

/// <summary>
/// The reader stage's output, shared by every format: the document as blocks in reading order.
/// Everything downstream (header, tables, figures) reads this, never the file.
/// </summary>
public sealed record DocumentContent(SourceInfo Source, IReadOnlyList<Block> Blocks, IReadOnlyList<string> Warnings)
{
    public IEnumerable<TextBlock> TextBlocks => Blocks.OfType<TextBlock>();
    public IEnumerable<TableBlock> Tables => Blocks.OfType<TableBlock>();
}
