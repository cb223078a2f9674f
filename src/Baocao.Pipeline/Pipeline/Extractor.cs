using System.Security.Cryptography;
using Baocao.Checks;
using Baocao.Documents;
using Baocao.Figures;
using Baocao.Header;
using Baocao.Interpretation;
using Baocao.Layout;
using Baocao.Mapping;
using Baocao.Native;
using Baocao.Native.Ocr;
using Baocao.Ocr;
using Baocao.Readers;
using Baocao.Repairs;
using Baocao.Reports;
using Baocao.Tables;
using Baocao.Text;

namespace Baocao.Pipeline;

/// <summary>
/// The extraction pipeline for one file: read (format-specific) into blocks, then the shared pure stages:
/// header, table captions, tables (interpretation and column mapping), prose figures, then the checks of the
/// record's own figures (findings in <c>checks</c>; the checks across reports need a set, see <see cref="CrossReportChecker"/>).
/// </summary>
public sealed class Extractor(IReadOnlyDictionary<string, IDocumentReader> readers, TableInterpreter interpreter, ReportChecker? checker = null, NameNormalizer? names = null)
{
    /// <summary>
    /// The default wiring: OpenXml for DOCX; PdfPig for PDF (poppler to render scanned pages); lattice then stream table detection; the
    /// trained column mapper (models/column-mapper.mlnet.zip beside the program, loaded here, at start). Throws
    /// <see cref="ModelLoadException"/> with a one-line reason when the model file is missing or corrupt.
    /// </summary>
    /// <param name="toolkit">The PDF reader (PdfPig by default, <see cref="PdfPigToolkit"/>; <see cref="PopplerMuPdfToolkit"/> is the command-line one).</param>
    /// <param name="ocrWorkers">Tesseract engines in the pool: one per worker thread. 0 disables OCR.</param>
    /// <param name="mapperModel">The column-mapper model file (default: models/column-mapper.mlnet.zip beside the program).</param>
    /// <param name="mapper">Another column mapper instead of the model (the rule table, for comparisons).</param>
    public static Extractor CreateDefault(IPdfToolkit? toolkit = null, int? ocrWorkers = null, string? mapperModel = null, IColumnMapper? mapper = null,
        IDocConverter? docConverter = null)
    {
        var mapperVersion = mapper is null ? "mapper." + FileHash(mapperModel ?? ColumnMapperModel.DefaultPath) : "mapper.custom";
        mapper ??= ModelColumnMapper.LoadDefault(mapperModel);
        toolkit ??= new PdfPigToolkit();
        var analyzer = new PageLayoutAnalyzer([new LatticeTableDetector(), new StreamTableDetector()]);
        var workers = ocrWorkers ?? Environment.ProcessorCount;
        string? problem = "disabled";
        var ocr = workers > 0 ? TesseractPageOcr.TryCreate(toolkit, workers, out problem, new ScannedPageReader(lexicon: ScanLexicon)) : null;
        var docx = new DocxReader();
        var readers = new Dictionary<string, IDocumentReader>(StringComparer.OrdinalIgnoreCase)
        {
            [".docx"] = docx,
            [".pdf"] = new PdfReader(toolkit, analyzer, ocr, problem),
            [".doc"] = new LegacyDocReader(docConverter ?? new LibreOfficeConverter(), docx),
        };
        return new Extractor(readers, new TableInterpreter(mapper), ReportChecker.CreateDefault(), NameNormalizer.Default)
        {
            Version = VersionOf(mapperVersion, ocr is not null),
        };
    }

    /// <summary>
    /// The phrases whose marks OCR'd text cells take: the canonical field and agency names of the mapping stage and the
    /// form words of the OCR stage, handed to the scanned-page reader as data (the OCR stage comes before mapping and does
    /// not name it). Built once, on the first scan.
    /// </summary>
    public static OcrLexicon ScanLexicon => LazyScanLexicon.Value;

    private static readonly Lazy<OcrLexicon> LazyScanLexicon = new(() => new OcrLexicon(NameNormalizer.Default.PrintedForms.Concat(OcrLexicon.FormWords)));

    // Whether OCR was available is part of the version: scans indexed without it are read again once it is.
    private static string VersionOf(string mapperVersion, bool ocr) => $"{Code}+{mapperVersion}+{(ocr ? "ocr" : "no-ocr")}";

    /// <summary>The <see cref="Version"/> that <see cref="CreateDefault"/> with OCR workers would have, without building it.</summary>
    public static string DefaultVersion(string? mapperModel = null) =>
        VersionOf("mapper." + FileHash(mapperModel ?? ColumnMapperModel.DefaultPath), TesseractPageOcr.IsAvailable(out _));

    /// <summary>
    /// The version of the extraction code. Raise it when a change alters what records hold: an ingest re-extracts every
    /// file stored under another version (and retries every failure).
    /// </summary>
    public const string Code = "x16"; // x9: header evidence, number grouping, doubts (issue 14); x10: PDF read by PdfPig, control characters dropped from text; x11: the column mapper on ML.NET; x12: ruled tables without inner vertical rules split into columns by word alignment; x13: scanned tables: faint thin rules found, uneven light, pages upside down; x14: prose figures keep their printed number and flags, comma thousands decided for the prose too; x15: a web printout's preparer signs it, prose sections without headings opened by the whole paragraph and by "… đã tiếp nhận N hồ sơ"; x16: scanned table structure from the words where rules are missing (issue 14 item 3), merged with x15

    /// <summary>
    /// What produced the records: <see cref="Code"/>, the column-mapper model's content hash and whether OCR was
    /// available ("x7+mapper.1a2b3c4d5e6f+ocr"). Stored with each record and each failure.
    /// </summary>
    public string Version { get; init; } = Code + "+custom";

    private static string FileHash(string path)
    {
        try
        {
            using var f = File.OpenRead(path);
            return Convert.ToHexStringLower(SHA256.HashData(f))[..12];
        }
        catch (IOException) { return "missing"; } // the model load below says why, in one line
        catch (UnauthorizedAccessException) { return "unreadable"; }
    }

    public IReadOnlyCollection<string> Extensions => readers.Keys.ToList();

    /// <summary>Extracts one file. Throws <see cref="BadInputException"/> with a one-line reason for unreadable input.</summary>
    /// <summary>The record of the file at <paramref name="path"/>; its bytes are read from <paramref name="readFrom"/> when given (a snapshot of the file, see Ingest/Snapshot), and the record names the path.</summary>
    public ReportRecord Extract(string path, string? readFrom = null) => FromContent(Read(path, readFrom));

    /// <summary>The reader stage alone: the file as blocks (for diagnostics, and the pure stages' input).</summary>
    public DocumentContent Read(string path, string? readFrom = null)
    {
        if (readFrom is null || readFrom == path) return Read(path);
        // The snapshot has the file's extension, so the same reader reads it; errors and the record name the file.
        try
        {
            var content = Read(readFrom);
            return content with { Source = content.Source with { Path = path } };
        }
        catch (BadInputException e) { throw new BadInputException(path, e.Reason, e); }
    }

    private DocumentContent Read(string path)
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
        // Text typed in pre-Unicode Vietnamese fonts that no font name announced: converted when its characters clearly say so.
        return LegacyText.Repair(reader.Read(path, sha)).Content;
    }

    /// <summary>The format-independent part: everything after the reader. Pure.</summary>
    public ReportRecord FromContent(DocumentContent content)
    {
        var blocks = content.Blocks;
        var header = HeaderParser.Parse(blocks);
        var contexts = TableContextReader.Read(blocks, (p, r) => PeriodParser.Parse(p, r));
        var tables = content.Tables.Select((t, i) => interpreter.Interpret(i, t.Grid, contexts[i])).ToList();
        var warnings = content.Warnings.ToList();
        // The period from the strongest evidence: a form's "Kỳ báo cáo" line with its dates over a title numeral.
        if (StatedPeriod.Reconcile(header, blocks, content.Source.Ocr) is (var stated, var periodWarning))
        {
            header = stated;
            if (periodWarning is not null) warnings.Add(periodWarning);
        }
        // A scan's record repairs: a stage of their own, on the interpreted record (Repairs/ScanRepairs).
        if (content.Source.Ocr) (header, tables) = ScanRepairs.Apply(header, tables, warnings);
        if (names is not null)
        {
            // Canonical agency and row labels, for search facets: added beside the printed text, never replacing it.
            var agency = names.Agency(header.Agency);
            header = header with { AgencyKey = agency?.Key, CanonicalAgency = agency?.Name };
            tables = tables.Select(t => RowLabels.Normalise(t, names)).ToList();
        }
        var figures = ProseFigureExtractor.Extract(blocks);
        var record = new ReportRecord(content.Source, header, tables, figures, [], warnings);
        // "1,572" in a count column: the table's own arithmetic (or its counts' shape) says whether it is 1572.
        if (NumberGrouping.Resolve(record) is (var grouped, { Count: > 0 } notes))
            record = grouped with { Warnings = [.. warnings, .. notes] };
        return checker is null ? record : checker.Apply(record);
    }
}
