using System.IO.Compression;
using System.Text;
using Baocao.Documents;
using Baocao.Tables;
using Baocao.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using WText = DocumentFormat.OpenXml.Wordprocessing.Text;

namespace Baocao.Readers;

/// <summary>
/// Reads DOCX through DocumentFormat.OpenXml: paragraphs (split at manual line breaks, so a paragraph
/// "KT. CHỦ TỊCH⏎PHÓ CHỦ TỊCH" gives two lines, as a PDF would), and tables with merged cells (gridSpan, vMerge).
/// Borderless layout tables (header, signature) are read as text with a left/right side.
/// DOCX has no page geometry: the page number counts explicit page and section breaks.
/// </summary>
public sealed class DocxReader : IDocumentReader
{
    public string Format => "docx";

    /// <summary>Bounds checked before parsing (part size, nesting depth, element count).</summary>
    public DocxLimits Limits { get; init; } = DocxLimits.Default;

    public DocumentContent Read(string path, string sha256)
    {
        SniffForeignFormat(path);
        Limits.Check(path);
        WordprocessingDocument doc;
        try
        {
            doc = WordprocessingDocument.Open(path, false);
        }
        catch (InvalidDataException e) { throw new BadInputException(path, "not a DOCX file (not a valid zip archive)", e); }
        catch (OpenXmlPackageException e) { throw new BadInputException(path, $"not a valid DOCX package ({e.Message.TrimEnd('.')})", e); }
        catch (FileFormatException e) { throw new BadInputException(path, $"not a valid DOCX package ({e.Message.TrimEnd('.')})", e); }
        catch (IOException e) { throw new BadInputException(path, $"cannot read the file ({e.Message.TrimEnd('.')})", e); }

        using (doc)
        {
            try { return Walk(path, sha256, doc); }
            // A part a relationship names but the package lacks, or XML that breaks off inside a part: OpenXml finds out
            // only when the part is read (InvalidOperationException "Specified part does not exist", XmlException).
            catch (Exception e) when (e is InvalidOperationException or System.Xml.XmlException or OpenXmlPackageException or InvalidDataException)
            {
                throw new BadInputException(path, $"damaged DOCX ({e.Message.Split('\n')[0].TrimEnd('.')})", e);
            }
        }
    }

    private DocumentContent Walk(string path, string sha256, WordprocessingDocument doc)
    {
        var body = doc.MainDocumentPart?.Document?.Body
                   ?? throw new BadInputException(path, "DOCX has no document body");
        var notes = doc.MainDocumentPart!.FootnotesPart?.Footnotes?.Elements<Footnote>()
            .Where(f => f.Id?.Value is not null)
            .ToDictionary(f => f.Id!.Value, f => f.Elements<Paragraph>().ToList()) ?? [];
        var walker = new Walker(new StyleInfo(doc.MainDocumentPart!.StyleDefinitionsPart?.Styles), notes);
        walker.TrustLegacyFonts = walker.LegacyFontsHoldLegacyText(body.Descendants<Run>().Concat(notes.Values.SelectMany(ps => ps.SelectMany(p => p.Descendants<Run>()))));
        walker.WalkBody(body);
        if (walker.LegacyRuns > 0)
            walker.Warnings.Add($"text typed in legacy Vietnamese fonts (TCVN3/VNI) converted to Unicode ({walker.LegacyRuns} run(s))");
        var source = new SourceInfo(path, sha256, Format, walker.Page, false);
        return new DocumentContent(source, walker.Blocks, walker.Warnings);
    }

    /// <summary>A PDF or legacy .doc saved under a .docx name gets a precise message instead of "not a zip".</summary>
    private static void SniffForeignFormat(string path)
    {
        var head = FileHead.Read(path, 8).AsSpan();
        if (head.StartsWith("%PDF"u8)) throw new BadInputException(path, "not a DOCX file: the content is a PDF (wrong extension?)");
        if (head.StartsWith(new byte[] { 0xD0, 0xCF, 0x11, 0xE0 }))
            throw new BadInputException(path, "not a DOCX file: the content is a legacy Word .doc (convert it with LibreOffice)");
        // OpenXml 3 reports a file that is no zip at all only as "File contains corrupted data": every zip starts with a
        // local file header (PK\x03\x04) or, empty, the end record (PK\x05\x06), so the plainer reason is known here.
        if (head.Length > 0 && !head.StartsWith("PK\x03\x04"u8) && !head.StartsWith("PK\x05\x06"u8))
            throw new BadInputException(path, "not a DOCX file (not a valid zip archive)");
    }

    /// <summary>Paragraph-style properties that matter here: centring and bold, with basedOn inheritance.</summary>
    private sealed class StyleInfo(Styles? styles)
    {
        private readonly Dictionary<string, Style> _byId = styles?.Elements<Style>()
            .Where(s => s.StyleId?.Value is not null)
            .GroupBy(s => s.StyleId!.Value!)
            .ToDictionary(g => g.Key, g => g.First()) ?? [];

        public bool IsCentered(string? styleId) => Walk(styleId, s =>
            s.StyleParagraphProperties?.Justification?.Val?.Value is { } v ? v == JustificationValues.Center : (bool?)null);

        public bool IsBold(string? styleId) => Walk(styleId, s =>
            s.StyleRunProperties?.Bold is { } b ? (b.Val is null || b.Val.Value) : (bool?)null);

        private readonly string? _defaultFont = FontName(styles?.DocDefaults?.RunPropertiesDefault?.RunPropertiesBaseStyle?.RunFonts);

        /// <summary>
        /// The font a run is typed in: its own rFonts, else its character style's, else its paragraph style's, else
        /// the document default (the Latin slots, ascii then hAnsi: legacy Vietnamese fonts are 8-bit "Latin" fonts).
        /// </summary>
        public string? RunFont(Run run, string? paragraphStyle) =>
            FontName(run.RunProperties?.RunFonts)
            ?? Font(run.RunProperties?.RunStyle?.Val?.Value)
            ?? Font(paragraphStyle)
            ?? _defaultFont;

        private string? Font(string? styleId)
        {
            for (var depth = 0; styleId is not null && depth < 10 && _byId.TryGetValue(styleId, out var s); depth++)
            {
                if (FontName(s.StyleRunProperties?.RunFonts) is { } f) return f;
                styleId = s.BasedOn?.Val?.Value;
            }
            return null;
        }

        private static string? FontName(RunFonts? f) => f?.Ascii?.Value ?? f?.HighAnsi?.Value;

        private bool Walk(string? id, Func<Style, bool?> probe)
        {
            for (var depth = 0; id is not null && depth < 10 && _byId.TryGetValue(id, out var s); depth++)
            {
                if (probe(s) is { } r) return r;
                id = s.BasedOn?.Val?.Value;
            }
            return false;
        }
    }

    /// <param name="footnotes">Footnote paragraphs by id. Reports cite many of their legal bases in footnotes.</param>
    private sealed class Walker(StyleInfo styles, Dictionary<long, List<Paragraph>> footnotes)
    {
        public List<Block> Blocks { get; } = [];
        public List<string> Warnings { get; } = [];
        public int Page { get; private set; } = 1;

        public void WalkBody(OpenXmlElement body)
        {
            foreach (var el in body.ChildElements)
            {
                switch (el)
                {
                    case Paragraph p:
                        foreach (var b in ReadParagraph(p, Side.Full)) Blocks.Add(b);
                        AddFootnotes(p);
                        break;
                    case Table t:
                        AddTable(t);
                        break;
                    case SdtBlock sdt when sdt.SdtContentBlock is { } content:
                        WalkBody(content);
                        break;
                }
            }
        }

        /// <summary>A footnote's text follows the paragraph that cites it, as a PDF prints it at the foot of that page.</summary>
        private void AddFootnotes(Paragraph p)
        {
            foreach (var r in p.Descendants<FootnoteReference>())
                if (r.Id?.Value is { } id && footnotes.TryGetValue(id, out var paras))
                    foreach (var fp in paras)
                        foreach (var b in ReadParagraph(fp, Side.Full, Page)) Blocks.Add(b);
        }

        private void AddTable(Table t)
        {
            var startPage = Page;
            var grid = ReadGrid(t, startPage);
            if (LayoutTables.IsLayoutTable(grid))
            {
                // Read column by column: the left column (agency, Nơi nhận) before the right (motto, signer).
                var rows = t.Elements<TableRow>().ToList();
                var maxCols = grid.Cols;
                for (var col = 0; col < maxCols; col++)
                {
                    var side = maxCols == 1 ? Side.Full : col == 0 ? Side.Left : col == maxCols - 1 ? Side.Right : Side.Full;
                    foreach (var row in rows)
                    {
                        var c = 0;
                        foreach (var tc in row.Elements<TableCell>())
                        {
                            var span = tc.TableCellProperties?.GridSpan?.Val?.Value ?? 1;
                            if (c == col)
                                foreach (var p in tc.Elements<Paragraph>())
                                    foreach (var b in ReadParagraph(p, side, startPage)) Blocks.Add(b);
                            c += span;
                        }
                    }
                }
                return;
            }
            Blocks.Add(new TableBlock(grid));
        }

        /// <summary>Builds the cell grid: gridSpan widens a cell, vMerge="continue" extends the cell above downwards.</summary>
        private CellGrid ReadGrid(Table t, int page)
        {
            var cells = new List<MutableCell>();
            var rowIndex = 0;
            var maxCols = 0;
            var owner = new Dictionary<(int r, int c), MutableCell>();
            foreach (var tr in t.Elements<TableRow>())
            {
                var col = tr.TableRowProperties?.GetFirstChild<GridBefore>()?.Val?.Value ?? 0;
                foreach (var tc in tr.Elements<TableCell>())
                {
                    var props = tc.TableCellProperties;
                    var span = Math.Max(1, props?.GridSpan?.Val?.Value ?? 1);
                    var vmerge = props?.VerticalMerge;
                    var text = CellText(tc);
                    var isContinue = vmerge is not null && (vmerge.Val is null || vmerge.Val.Value == MergedCellValues.Continue);
                    if (isContinue && owner.TryGetValue((rowIndex - 1, col), out var above) && above.Col == col)
                    {
                        above.RowSpan++;
                        if (text.Length > 0) above.Text = VietText.Clean(above.Text + " " + text);
                        for (var k = 0; k < span; k++) owner[(rowIndex, col + k)] = above;
                    }
                    else
                    {
                        var cell = new MutableCell { Row = rowIndex, Col = col, ColSpan = span, RowSpan = 1, Text = text };
                        cells.Add(cell);
                        for (var k = 0; k < span; k++) owner[(rowIndex, col + k)] = cell;
                    }
                    col += span;
                }
                maxCols = Math.Max(maxCols, col);
                rowIndex++;
            }
            var gridCells = cells.Select(c => new GridCell(c.Row, c.Col, c.RowSpan, c.ColSpan, c.Text, page, null)).ToList();
            return new CellGrid(rowIndex, maxCols, gridCells, page, null, "docx");
        }

        private string CellText(TableCell tc)
        {
            var parts = new List<string>();
            foreach (var p in tc.Descendants<Paragraph>())
            {
                var t = VietText.Clean(string.Join(" ", ParagraphLines(p)));
                if (t.Length > 0) parts.Add(t);
            }
            return VietText.Clean(string.Join(" ", parts));
        }

        private IEnumerable<TextBlock> ReadParagraph(Paragraph p, Side side, int? fixedPage = null)
        {
            var pPr = p.ParagraphProperties;
            if (fixedPage is null && pPr?.PageBreakBefore is { } pbb && (pbb.Val is null || pbb.Val.Value)) Page++;
            var styleId = pPr?.ParagraphStyleId?.Val?.Value;
            var centered = pPr?.Justification?.Val?.Value is { } jc ? jc == JustificationValues.Center : styles.IsCentered(styleId);
            var styleBold = styles.IsBold(styleId);
            var runs = p.Descendants<Run>().Where(r => r.Descendants<WText>().Any(t => t.Text.Trim().Length > 0)).ToList();
            var bold = runs.Count > 0 && runs.All(r => r.RunProperties?.Bold is { } b ? (b.Val is null || b.Val.Value) : styleBold);

            var lineNo = 0;
            foreach (var (line, breaksAfter) in ParagraphLinesWithBreaks(p))
            {
                var text = VietText.Clean(line);
                if (text.Length > 0)
                    yield return new TextBlock(text, fixedPage ?? Page, null, side, centered, bold);
                if (fixedPage is null) Page += breaksAfter;
                lineNo++;
            }
            // A section break in the paragraph properties starts a new page (continuous sections aside).
            if (fixedPage is null && pPr?.SectionProperties is { } sect &&
                sect.GetFirstChild<SectionType>()?.Val?.Value != SectionMarkValues.Continuous)
                Page++;
        }

        private IEnumerable<string> ParagraphLines(Paragraph p) => ParagraphLinesWithBreaks(p).Select(x => x.line);

        /// <summary>
        /// A run's text in Unicode: a run typed in a TCVN3 or VNI font (".VnTime", ".VnTimeH", "VNI-Times") holds the
        /// font's bytes as Latin-1 characters and is converted here, where the font is known (DOMAIN.md).
        /// </summary>
        private string RunText(WText t, string? paragraphStyle)
        {
            if (!TrustLegacyFonts || t.Parent is not Run run || styles.RunFont(run, paragraphStyle) is not { } font) return t.Text;
            var enc = LegacyVietnamese.FromFontName(font);
            if (enc == LegacyEncoding.None) return t.Text;
            LegacyRuns++;
            return LegacyVietnamese.ToUnicode(t.Text, enc, LegacyVietnamese.IsUpperCaseFont(font));
        }

        /// <summary>
        /// Whether runs in legacy fonts are converted. Documents converted to Unicode while keeping the old font name
        /// exist (the text was re-encoded, the font left): when any run in a legacy font holds a letter only Unicode has,
        /// the font names are not trusted, and the statistics of <see cref="LegacyText"/> decide instead.
        /// </summary>
        public bool TrustLegacyFonts { get; set; } = true;

        public bool LegacyFontsHoldLegacyText(IEnumerable<Run> runs)
        {
            foreach (var run in runs)
            {
                var text = string.Concat(run.Elements<WText>().Select(t => t.Text));
                if (text.Length == 0) continue;
                var font = styles.RunFont(run, (run.Ancestors<Paragraph>().FirstOrDefault())?.ParagraphProperties?.ParagraphStyleId?.Val?.Value);
                if (LegacyVietnamese.FromFontName(font) != LegacyEncoding.None && LegacyVietnamese.HasUnicodeVietnamese(text)) return false;
            }
            return true;
        }

        /// <summary>Runs converted from a legacy font (for the record's warning).</summary>
        public int LegacyRuns { get; private set; }

        /// <summary>The paragraph's text split at manual line breaks, with the number of page breaks after each piece.</summary>
        private IEnumerable<(string line, int pageBreaks)> ParagraphLinesWithBreaks(Paragraph p)
        {
            var sb = new StringBuilder();
            var pStyle = p.ParagraphProperties?.ParagraphStyleId?.Val?.Value;
            foreach (var el in p.Descendants())
            {
                switch (el)
                {
                    case WText t:
                        sb.Append(RunText(t, pStyle));
                        break;
                    case TabChar:
                        sb.Append(' ');
                        break;
                    case Break br when br.Type?.Value == BreakValues.Page:
                        yield return (sb.ToString(), 1);
                        sb.Clear();
                        break;
                    case Break:
                    case CarriageReturn:
                        yield return (sb.ToString(), 0);
                        sb.Clear();
                        break;
                }
            }
            yield return (sb.ToString(), 0);
        }
    }

    private sealed class MutableCell
    {
        public int Row, Col, RowSpan, ColSpan;
        public string Text = "";
    }
}
