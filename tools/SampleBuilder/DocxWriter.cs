using System.IO.Compression;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace SampleBuilder;

/// <summary>
/// Writes a <see cref="DocSpec"/> as a DOCX laid out like a Nghị định 30/2020 report: A4, Times New Roman,
/// borderless header and signature tables, bordered statistical tables with merged headers.
/// The output is byte-for-byte reproducible (fixed relationship ids, fixed zip timestamps, no core properties).
/// </summary>
public static class DocxWriter
{
    // A4 in twentieths of a point, and Nghị định 30/2020 margins: top/bottom 20 mm, left 30 mm, right 20 mm.
    const int A4Short = 11906, A4Long = 16838;
    const int Cm = 567; // twips per centimetre (rounded, as Word does)

    public static byte[] Write(DocSpec spec)
    {
        using var ms = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(ms, WordprocessingDocumentType.Document))
        {
            // Explicit relationship ids: the SDK otherwise invents random "R1a2b..." ids and the bytes change each run.
            var main = doc.AddNewPart<MainDocumentPart>("application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml", "rId1");
            main.AddNewPart<StyleDefinitionsPart>("rId1").Styles = BuildStyles(spec);
            var ctx = new Context(spec);
            var body = new Body();
            foreach (var block in spec.Blocks) ctx.Emit(block, body);
            body.Append(ctx.SectionProperties(ctx.Landscape, ctx.Margins));
            main.AddNewPart<DocumentSettingsPart>("rId2").Settings = BuildSettings(ctx.Footnotes.Count > 0);
            if (ctx.Footnotes.Count > 0)
            {
                var fnPart = main.AddNewPart<FootnotesPart>("rId3");
                fnPart.Footnotes = new Footnotes(
                    new Footnote(new Paragraph(new Run(new SeparatorMark()))) { Type = FootnoteEndnoteValues.Separator, Id = -1 },
                    new Footnote(new Paragraph(new Run(new ContinuationSeparatorMark()))) { Type = FootnoteEndnoteValues.ContinuationSeparator, Id = 0 });
                foreach (var fn in ctx.Footnotes) fnPart.Footnotes.Append(fn);
            }
            main.Document = new Document(body);
        }
        return Repack(ms.ToArray());
    }

    // System.IO.Packaging stamps every zip entry with the current time; copy the entries into a new zip with a fixed
    // time so that two builds give identical bytes. Entry order and content are kept as the SDK wrote them.
    static byte[] Repack(byte[] docx)
    {
        var fixedTime = new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);
        using var src = new ZipArchive(new MemoryStream(docx), ZipArchiveMode.Read);
        using var outMs = new MemoryStream();
        using (var dst = new ZipArchive(outMs, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var e in src.Entries)
            {
                var ne = dst.CreateEntry(e.FullName, CompressionLevel.Optimal);
                ne.LastWriteTime = fixedTime;
                using var from = e.Open();
                using var to = ne.Open();
                from.CopyTo(to);
            }
        }
        return outMs.ToArray();
    }

    static Styles BuildStyles(DocSpec spec)
    {
        var fonts = new RunFonts { Ascii = spec.Font, HighAnsi = spec.Font, ComplexScript = spec.Font, EastAsia = spec.Font };
        return new Styles(
            new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(
                    fonts,
                    new FontSize { Val = HalfPoints(spec.Size) },
                    new FontSizeComplexScript { Val = HalfPoints(spec.Size) },
                    new Languages { Val = "vi-VN" })),
                new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(
                    new SpacingBetweenLines { Before = "0", After = "0", Line = "240", LineRule = LineSpacingRuleValues.Auto }))),
            new Style(new StyleName { Val = "Normal" }, new PrimaryStyle()) { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true },
            new Style(new StyleName { Val = "Normal Table" }, new UIPriority { Val = 99 }, new SemiHidden(),
                new StyleTableProperties(new TableIndentation { Width = 0, Type = TableWidthUnitValues.Dxa },
                    new TableCellMarginDefault(
                        new TopMargin { Width = "0", Type = TableWidthUnitValues.Dxa },
                        new TableCellLeftMargin { Width = 57, Type = TableWidthValues.Dxa },
                        new BottomMargin { Width = "0", Type = TableWidthUnitValues.Dxa },
                        new TableCellRightMargin { Width = 57, Type = TableWidthValues.Dxa })))
            { Type = StyleValues.Table, StyleId = "TableNormal", Default = true });
    }

    static Settings BuildSettings(bool footnotes)
    {
        var settings = new Settings();
        // Word expects the separator footnotes (-1, 0) to be declared when the document has footnotes, and only then.
        if (footnotes)
            settings.Append(new FootnoteDocumentWideProperties(new FootnoteSpecialReference { Id = -1 }, new FootnoteSpecialReference { Id = 0 }));
        settings.Append(new Compatibility(new CompatibilitySetting { Name = CompatSettingNameValues.CompatibilityMode, Uri = "http://schemas.microsoft.com/office/word", Val = "15" }));
        return settings;
    }

    static string HalfPoints(double pt) => ((int)Math.Round(pt * 2)).ToString();
    static string Twips(double cm) => ((int)Math.Round(cm * Cm)).ToString();

    /// <summary>Paragraph defaults of a context: body text, frame (header/signature) lines, table cells.</summary>
    sealed record ParaDefaults(string Align, double Size, double Indent, double After, double Line);

    sealed class Context(DocSpec spec)
    {
        public bool Landscape = spec.Landscape;
        public double[]? Margins = spec.Margins;
        public readonly List<Footnote> Footnotes = [];
        readonly ParaDefaults body = new("both", spec.Size, 1.0, 6, 1.1);
        readonly ParaDefaults frame = new("center", 13, 0, 0, 1.0);

        public void Emit(Block block, Body target)
        {
            switch (block)
            {
                case ParaBlock p:
                    target.Append(Paragraph(p.Para, body, null, null));
                    break;
                case PageBreakBlock:
                    target.Append(new Paragraph(new Run(new Break { Type = BreakValues.Page })));
                    break;
                case SectionBlock s:
                    // A section ends with a paragraph carrying its sectPr; the next section starts on a new page.
                    // The paragraph is made 1 pt high so that it cannot spill onto a blank page of its own.
                    target.Append(new Paragraph(new ParagraphProperties(
                        new SpacingBetweenLines { Before = "0", After = "0", Line = "20", LineRule = LineSpacingRuleValues.Exact },
                        new ParagraphMarkRunProperties(new FontSize { Val = "2" }),
                        SectionProperties(Landscape, Margins))));
                    Landscape = s.Landscape;
                    Margins = s.Margins;
                    break;
                case FrameBlock f:
                    target.Append(Frame(f.Frame));
                    break;
                case TableBlock t:
                    target.Append(Table(t.Table));
                    // Word needs a paragraph between two tables, or it merges them into one.
                    target.Append(new Paragraph(new ParagraphProperties(new SpacingBetweenLines { After = "120" })));
                    break;
            }
        }

        public SectionProperties SectionProperties(bool landscape, double[]? margins)
        {
            var size = landscape
                ? new PageSize { Width = A4Long, Height = A4Short, Orient = PageOrientationValues.Landscape }
                : new PageSize { Width = A4Short, Height = A4Long, Orient = PageOrientationValues.Portrait };
            var margin = landscape
                ? new PageMargin { Top = 1134, Bottom = 1134, Left = 1134U, Right = 1134U, Header = 567U, Footer = 567U, Gutter = 0U }
                : new PageMargin { Top = 1134, Bottom = 1134, Left = 1701U, Right = 1134U, Header = 567U, Footer = 567U, Gutter = 0U };
            if (margins is not null)
                margin = new PageMargin
                {
                    Top = int.Parse(Twips(margins[0])), Right = uint.Parse(Twips(margins[1])), Bottom = int.Parse(Twips(margins[2])), Left = uint.Parse(Twips(margins[3])),
                    Header = 567U, Footer = 567U, Gutter = 0U,
                };
            return new SectionProperties(new SectionType { Val = SectionMarkValues.NextPage }, size, margin);
        }

        Paragraph Paragraph(ParaSpec p, ParaDefaults d, bool? forceBold, bool? forceItalic, string? alignOverride = null)
        {
            var ppr = new ParagraphProperties();
            if (p.KeepNext) ppr.Append(new KeepNext());
            if (p.Tabs.Count > 0)
                ppr.Append(new Tabs(p.Tabs.Select(t => new TabStop
                {
                    Position = int.Parse(Twips(t.Pos)),
                    Val = t.Align switch { "center" => TabStopValues.Center, "right" => TabStopValues.Right, _ => TabStopValues.Left },
                })));
            var line = p.Line ?? d.Line;
            ppr.Append(new SpacingBetweenLines
            {
                Before = ((int)Math.Round((p.Before ?? 0) * 20)).ToString(),
                After = ((int)Math.Round((p.After ?? d.After) * 20)).ToString(),
                Line = ((int)Math.Round(line * 240)).ToString(),
                LineRule = LineSpacingRuleValues.Auto,
            });
            var indent = p.Indent ?? d.Indent;
            var align = alignOverride ?? p.Align ?? d.Align;
            // Centred and right-aligned lines never carry a first-line indent.
            if (align is "center" or "right") indent = p.Indent ?? 0;
            if (indent != 0 || p.IndentLeft is not null)
            {
                // Set only the attributes that have values: a null assignment would still write an empty attribute.
                var ind = new Indentation();
                if (indent != 0) ind.FirstLine = Twips(indent);
                if (p.IndentLeft is { } l) ind.Left = Twips(l);
                ppr.Append(ind);
            }
            ppr.Append(new Justification
            {
                Val = align switch
                {
                    "center" => JustificationValues.Center,
                    "right" => JustificationValues.Right,
                    "left" => JustificationValues.Left,
                    _ => JustificationValues.Both,
                },
            });
            var para = new Paragraph(ppr);
            var size = p.Size ?? d.Size;
            foreach (var r in p.Runs)
            {
                if (r.Footnote is not null)
                {
                    para.Append(FootnoteReferenceRun(r.Footnote, size));
                    continue;
                }
                var bold = forceBold ?? p.Bold ?? false;
                var italic = forceItalic ?? p.Italic ?? false;
                para.Append(TextRun(r.Text, r.Bold || bold, r.Italic || italic, r.Underline || (p.Underline ?? false), r.Superscript, size));
            }
            return para;
        }

        Run FootnoteReferenceRun(List<ParaSpec> content, double size)
        {
            var id = Footnotes.Count + 1;
            var fnDefaults = new ParaDefaults("both", 11, 0.5, 0, 1.0);
            var paras = content.Select(c => Paragraph(c, fnDefaults, null, null)).ToList();
            // The footnote text starts with its own superscript number, as Word writes it.
            paras[0].InsertAfter(new Run(new RunProperties(new VerticalTextAlignment { Val = VerticalPositionValues.Superscript }), new FootnoteReferenceMark(),
                new Text(" ") { Space = SpaceProcessingModeValues.Preserve }), paras[0].ParagraphProperties);
            Footnotes.Add(new Footnote(paras) { Id = id });
            return new Run(new RunProperties(new FontSize { Val = HalfPoints(size) }, new VerticalTextAlignment { Val = VerticalPositionValues.Superscript }),
                new FootnoteReference { Id = id });
        }

        static Run TextRun(string text, bool bold, bool italic, bool underline, bool superscript, double size)
        {
            var rpr = new RunProperties();
            if (bold) rpr.Append(new Bold(), new BoldComplexScript());
            if (italic) rpr.Append(new Italic(), new ItalicComplexScript());
            rpr.Append(new FontSize { Val = HalfPoints(size) }, new FontSizeComplexScript { Val = HalfPoints(size) });
            if (underline) rpr.Append(new Underline { Val = UnderlineValues.Single });
            if (superscript) rpr.Append(new VerticalTextAlignment { Val = VerticalPositionValues.Superscript });
            var run = new Run(rpr);
            // Tabs and line breaks are separate elements in WordprocessingML, not characters of w:t.
            var lines = text.Split('\n');
            for (var li = 0; li < lines.Length; li++)
            {
                if (li > 0) run.Append(new Break());
                var parts = lines[li].Split('\t');
                for (var pi = 0; pi < parts.Length; pi++)
                {
                    if (pi > 0) run.Append(new TabChar());
                    if (parts[pi].Length > 0) run.Append(new Text(parts[pi]) { Space = SpaceProcessingModeValues.Preserve });
                }
            }
            return run;
        }

        Table Frame(FrameSpec f)
        {
            var table = new Table(TableProps(f.Widths, borders: false), Grid(f.Widths));
            // A header or signature block is never split over two pages.
            var row = new TableRow(new TableRowProperties(new CantSplit()));
            for (var i = 0; i < f.Columns.Count; i++)
            {
                var cell = new TableCell(new TableCellProperties(new TableCellWidth { Width = Twips(f.Widths[i]), Type = TableWidthUnitValues.Dxa }));
                foreach (var p in f.Columns[i]) cell.Append(Paragraph(p, frame, null, null));
                if (f.Columns[i].Count == 0) cell.Append(new Paragraph());
                row.Append(cell);
            }
            table.Append(row);
            return table;
        }

        static TableGrid Grid(List<double> widths) => new(widths.Select(w => new GridColumn { Width = Twips(w) }));

        static TableProperties TableProps(List<double> widths, bool borders)
        {
            var total = widths.Sum(w => int.Parse(Twips(w)));
            BorderType B<T>() where T : BorderType, new() => borders
                ? new T { Val = BorderValues.Single, Size = 4, Space = 0, Color = "000000" }
                : new T { Val = BorderValues.Nil };
            return new TableProperties(
                new TableWidth { Width = total.ToString(), Type = TableWidthUnitValues.Dxa },
                new TableJustification { Val = TableRowAlignmentValues.Center },
                new TableBorders(B<TopBorder>(), B<LeftBorder>(), B<BottomBorder>(), B<RightBorder>(), B<InsideHorizontalBorder>(), B<InsideVerticalBorder>()),
                new TableLayout { Type = TableLayoutValues.Fixed },
                // Narrow cell margins (1 mm), set on each table because LibreOffice ignores the default table style's.
                new TableCellMarginDefault(
                    new TopMargin { Width = "0", Type = TableWidthUnitValues.Dxa },
                    new TableCellLeftMargin { Width = 57, Type = TableWidthValues.Dxa },
                    new BottomMargin { Width = "0", Type = TableWidthUnitValues.Dxa },
                    new TableCellRightMargin { Width = 57, Type = TableWidthValues.Dxa }));
        }

        Table Table(TableSpec t)
        {
            var size = t.Size ?? spec.TableSize;
            var cellDefaults = new ParaDefaults("center", size, 0, 0, 1.0);
            var table = new Table(TableProps(t.Widths, t.Borders), Grid(t.Widths));
            var headRows = t.HeaderRows + (t.NumberRow ? 1 : 0);
            for (var r = 0; r < t.Rows.Count; r++)
            {
                var rs = t.Rows[r];
                var isHeader = r < t.HeaderRows;
                var isNumber = t.NumberRow && r == t.HeaderRows;
                var trPr = new TableRowProperties();
                if (r < headRows)
                {
                    // Header rows never split, and repeat on each page when the spec says so (w:tblHeader).
                    trPr.Append(new CantSplit());
                    if (t.Repeat) trPr.Append(new TableHeader());
                }
                var row = new TableRow(trPr);
                var col = 0;
                foreach (var c in rs.Cells)
                {
                    var width = Enumerable.Range(col, c.Span).Sum(i => int.Parse(Twips(t.Widths[i])));
                    var tcPr = new TableCellProperties(new TableCellWidth { Width = width.ToString(), Type = TableWidthUnitValues.Dxa });
                    if (c.Span > 1) tcPr.Append(new GridSpan { Val = c.Span });
                    if (c.MergeUp) tcPr.Append(new VerticalMerge());
                    else if (c.MergeStart) tcPr.Append(new VerticalMerge { Val = MergedCellValues.Restart });
                    tcPr.Append(new TableCellVerticalAlignment { Val = TableVerticalAlignmentValues.Center });
                    var cell = new TableCell(tcPr);
                    string align;
                    bool? bold;
                    if (isHeader) { align = "center"; bold = c.Bold ?? true; }
                    else if (isNumber) { align = "center"; bold = c.Bold ?? false; }
                    else
                    {
                        var a = col < t.ColumnAlign.Count ? t.ColumnAlign[col] : (col == 1 ? "l" : "c");
                        align = a switch { "l" => "left", "r" => "right", _ => "center" };
                        bold = c.Bold ?? rs.Bold ?? (Truth.IsTotalText(RowHeadText(rs)) ? true : null);
                    }
                    align = c.Align ?? align;
                    if (c.MergeUp || c.Paras.Count == 0) cell.Append(Paragraph(new ParaSpec(), cellDefaults, bold, c.Italic, align));
                    else foreach (var p in c.Paras) cell.Append(Paragraph(p, cellDefaults, bold, c.Italic, align));
                    row.Append(cell);
                    col += c.Span;
                }
                table.Append(row);
            }
            return table;
        }

        static string RowHeadText(RowSpec r) => string.Join(" ", r.Cells.Take(2).Select(c => c.Text)).Trim();
    }
}
