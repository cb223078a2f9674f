using System.Security.Cryptography;
using Baocao.Documents;
using Baocao.Figures;
using Baocao.Header;
using Baocao.Interpretation;
using Baocao.Layout;
using Baocao.Mapping;
using Baocao.Native;
using Baocao.Readers;
using Baocao.Reports;
using Baocao.Tables;

namespace Baocao.Pipeline;

/// <summary>
/// The extraction pipeline for one file: read (format-specific) into blocks, then the shared pure stages:
/// header, table captions, tables (interpretation and column mapping), prose figures.
/// </summary>
public sealed class Extractor(IReadOnlyDictionary<string, IDocumentReader> readers, TableInterpreter interpreter)
{
    /// <summary>The default wiring: OpenXml for DOCX; poppler and mutool for PDF; lattice then stream table detection; the rule-table mapper.</summary>
    public static Extractor CreateDefault(IPdfToolkit? toolkit = null)
    {
        var analyzer = new PageLayoutAnalyzer([new LatticeTableDetector(), new StreamTableDetector()]);
        var readers = new Dictionary<string, IDocumentReader>(StringComparer.OrdinalIgnoreCase)
        {
            [".docx"] = new DocxReader(),
            [".pdf"] = new PdfReader(toolkit ?? new PopplerMuPdfToolkit(), analyzer),
        };
        return new Extractor(readers, new TableInterpreter(new RuleTableColumnMapper()));
    }

    public IReadOnlyCollection<string> Extensions => readers.Keys.ToList();

    /// <summary>Extracts one file. Throws <see cref="BadInputException"/> with a one-line reason for unreadable input.</summary>
    public ReportRecord Extract(string path)
    {
        if (Directory.Exists(path)) throw new BadInputException(path, "is a folder, not a file");
        if (!File.Exists(path)) throw new BadInputException(path, "no such file");
        var ext = Path.GetExtension(path);
        if (!readers.TryGetValue(ext, out var reader))
            throw new BadInputException(path, $"unsupported file type '{(ext.Length == 0 ? "(none)" : ext)}' (supported: {string.Join(", ", readers.Keys)})");
        string sha;
        try
        {
            using var f = File.OpenRead(path);
            sha = Convert.ToHexStringLower(SHA256.HashData(f));
        }
        catch (IOException e) { throw new BadInputException(path, $"cannot read the file ({e.Message.TrimEnd('.')})", e); }
        catch (UnauthorizedAccessException e) { throw new BadInputException(path, "permission denied", e); }
        var content = reader.Read(path, sha);
        return FromContent(content);
    }

    /// <summary>The format-independent part: everything after the reader. Pure.</summary>
    public ReportRecord FromContent(DocumentContent content)
    {
        var blocks = content.Blocks;
        var header = HeaderParser.Parse(blocks);
        var contexts = TableContextReader.Read(blocks, (p, r) => PeriodParser.Parse(p, r));
        var tables = content.Tables.Select((t, i) => interpreter.Interpret(i, t.Grid, contexts[i])).ToList();
        var figures = ProseFigureExtractor.Extract(blocks);
        return new ReportRecord(content.Source, header, tables, figures, [], content.Warnings);
    }
}
