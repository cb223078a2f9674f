using Baocao.Ocr;
using Baocao.Reports;

namespace Baocao.Repairs;

/// <summary>
/// The record repairs of a scanned report: a stage of its own after interpretation (the pipeline runs it on OCR'd reports
/// only, before the checks), because each needs the interpreted record: what OCR garbled, restored only from closed
/// lists or with evidence, each inference with a warning: the title's quarter numeral (from the report's date,
/// <see cref="OcrQuarter"/>), the signer's title marks (<see cref="OcrLexicon.SignerTitles"/>), a formula's lost term
/// (from the rows, <see cref="OcrFormulas"/>). A digital report never passes here: what it prints is the source's own.
/// Pure.
/// </summary>
public static class ScanRepairs
{
    /// <summary>The header and tables repaired; the warnings of what was inferred are added to <paramref name="warnings"/>.</summary>
    public static (ReportHeader Header, List<ReportTable> Tables) Apply(ReportHeader header, IReadOnlyList<ReportTable> tables, List<string> warnings)
    {
        if (OcrQuarter.Repair(header) is (var repaired, { } warning))
        {
            header = repaired;
            warnings.Add(warning);
        }
        if (header.Signer is { Title: { } title } signer)
            header = header with { Signer = signer with { Title = OcrLexicon.SignerTitles.Restore(title) } };
        var result = new List<ReportTable>();
        foreach (var t in tables)
        {
            var (table, found) = OcrFormulas.Repair(t);
            result.Add(table);
            warnings.AddRange(found);
        }
        return (header, result);
    }
}
