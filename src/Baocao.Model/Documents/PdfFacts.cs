namespace Baocao.Documents;

/// <summary>Facts about a PDF file from its trailer and catalogue.</summary>
public sealed record PdfInfo(int Pages, bool Encrypted);

/// <summary>One image drawn on a page: size in pixels, resolution and encoding ("jpeg", "ccitt", "jbig2", "image" …).</summary>
public sealed record PageImage(int Page, int Width, int Height, int Dpi, string Encoding);
