using Baocao.Documents;

namespace Baocao.Tables;

/// <summary>One cell of a grid: its top-left grid position, spans, text, where it was printed and the OCR confidence of its text.</summary>
public sealed record GridCell(int Row, int Col, int RowSpan, int ColSpan, string Text, int Page, BBox? Box, double Confidence = 1.0)
{
    public bool Covers(int row, int col) => row >= Row && row < Row + RowSpan && col >= Col && col < Col + ColSpan;
}

/// <summary>
/// A table as a grid of cells with row and column spans: the shape every table detector (DOCX, lattice, stream,
/// and the scanned-page grid) produces, so that interpretation, mapping and checks are shared.
/// </summary>
public sealed class CellGrid
{
    private readonly GridCell?[,] _owner;

    public CellGrid(int rows, int cols, IReadOnlyList<GridCell> cells, int page, BBox? box, string detector)
    {
        Rows = rows;
        Cols = cols;
        Cells = cells;
        Page = page;
        Box = box;
        Detector = detector;
        _owner = new GridCell?[rows, cols];
        foreach (var c in cells)
            for (var r = c.Row; r < Math.Min(rows, c.Row + c.RowSpan); r++)
                for (var k = c.Col; k < Math.Min(cols, c.Col + c.ColSpan); k++)
                    _owner[r, k] = c;
    }

    public int Rows { get; }
    public int Cols { get; }
    public IReadOnlyList<GridCell> Cells { get; }
    /// <summary>The page the table starts on.</summary>
    public int Page { get; }
    public BBox? Box { get; }
    /// <summary>Which algorithm found it ("docx", "lattice", "stream"): kept for diagnostics.</summary>
    public string Detector { get; }
    /// <summary>A doubt about the grid's shape found by its detector (e.g. columns it could not separate), or null.</summary>
    public string? Warning { get; init; }

    /// <summary>The cell covering a position (a merged cell covers several), or null for a hole in the grid.</summary>
    public GridCell? At(int row, int col) => row < 0 || col < 0 || row >= Rows || col >= Cols ? null : _owner[row, col];

    /// <summary>The text at a position, or "" when nothing covers it.</summary>
    public string TextAt(int row, int col) => At(row, col)?.Text ?? string.Empty;

    /// <summary>True when the cell at (row, col) starts there, rather than being covered by a span from above or the left.</summary>
    public bool IsOrigin(int row, int col) => At(row, col) is { } c && c.Row == row && c.Col == col;
}
