using System.IO.Compression;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Variations;

/// <summary>
/// Restyles the ruled tables of a DOCX written by SampleBuilder: rule width, inner vertical rules dropped, header rows
/// shaded. Borderless tables (header and signature frames, borderless data tables) are left alone. Done on the
/// written DOCX so that SampleBuilder stays exactly as the committed corpus was built.
/// </summary>
public static class DocxStyle
{
    public static byte[] Apply(byte[] docx, TableStyle style)
    {
        using var ms = new MemoryStream();
        ms.Write(docx);
        using (var doc = WordprocessingDocument.Open(ms, true))
        {
            var body = doc.MainDocumentPart!.Document!.Body!;
            foreach (var table in body.Descendants<Table>())
            {
                var borders = table.GetFirstChild<TableProperties>()?.GetFirstChild<TableBorders>();
                if (borders?.TopBorder is not { } top || top.Val?.Value == BorderValues.Nil) continue;
                // Border sizes are in eighths of a point.
                var size = (uint)Math.Round(style.RuleWidth * 8);
                foreach (var b in borders.ChildElements.OfType<BorderType>()) b.Size = size;
                if (!style.InnerVertical) borders.InsideVerticalBorder = new InsideVerticalBorder { Val = BorderValues.Nil };
                if (style.ShadedHeader)
                    foreach (var row in table.Elements<TableRow>())
                    {
                        // SampleBuilder marks header rows (and the column-number row) as not splitting over pages.
                        if (row.TableRowProperties?.GetFirstChild<CantSplit>() is null) break;
                        foreach (var cell in row.Elements<TableCell>())
                            cell.TableCellProperties!.Append(new Shading { Val = ShadingPatternValues.Clear, Color = "auto", Fill = "D9D9D9" });
                    }
            }
            doc.MainDocumentPart.Document.Save();
        }
        return ms.ToArray();
    }
}
