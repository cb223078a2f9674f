namespace Baocao.Documents;

/// <summary>An axis-aligned box in PDF points, origin at the top-left of the page (poppler's convention).</summary>
public readonly record struct BBox(double X0, double Y0, double X1, double Y1)
{
    public double Width => X1 - X0;
    public double Height => Y1 - Y0;
    public double CenterX => (X0 + X1) / 2;
    public double CenterY => (Y0 + Y1) / 2;

    public BBox Union(BBox o) => new(Math.Min(X0, o.X0), Math.Min(Y0, o.Y0), Math.Max(X1, o.X1), Math.Max(Y1, o.Y1));

    public bool Contains(double x, double y, double tolerance = 0) =>
        x >= X0 - tolerance && x <= X1 + tolerance && y >= Y0 - tolerance && y <= Y1 + tolerance;

    public static BBox? UnionAll(IEnumerable<BBox> boxes)
    {
        BBox? acc = null;
        foreach (var b in boxes) acc = acc is { } a ? a.Union(b) : b;
        return acc;
    }

    public double[] ToArray() => [Math.Round(X0, 1), Math.Round(Y0, 1), Math.Round(X1, 1), Math.Round(Y1, 1)];
}

/// <summary>One word of a page's text layer, with its box, and how sure OCR was of it (1 for a digital text layer).</summary>
/// <param name="Font">The font the word is drawn in, when the reader knows it (PDF: legacy Vietnamese fonts only, see Text/LegacyText).</param>
public sealed record Word(string Text, BBox Box, double Confidence = 1.0, string? Font = null);

/// <summary>A horizontal or vertical ruling segment (a table border), in page points.</summary>
public sealed record RulingLine(double X0, double Y0, double X1, double Y1)
{
    public bool IsHorizontal => Math.Abs(Y1 - Y0) <= Math.Abs(X1 - X0);
    public double Length => IsHorizontal ? Math.Abs(X1 - X0) : Math.Abs(Y1 - Y0);
}

/// <summary>A page as a PDF reader (or later OCR) sees it: size, words and ruling lines.</summary>
public sealed record LayoutPage(int Number, double Width, double Height, IReadOnlyList<Word> Words, IReadOnlyList<RulingLine> Lines);
