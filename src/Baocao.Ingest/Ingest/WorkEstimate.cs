using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Baocao.Ingest;

/// <summary>
/// What one file will cost to extract, known before extraction: its pages, and whether they are scanned (OCR). Counted
/// in "page units": a digital page is 1, a scanned page <see cref="ScanWeight"/>, a DOCX or .doc 1 (it has no pages to
/// count before reading; most reports are a few pages).
/// </summary>
public readonly record struct WorkEstimate(int Pages, bool Scanned)
{
    /// <summary>
    /// What a scanned page costs in digital pages. Measured, not guessed: <c>bench ingest --files 60 --scanned-pages 30
    /// --corrupt 0 --workers 2</c> (2 cores shared with other work, 2026-12-03) read the digital PDF and DOCX at 16.72
    /// pages/s and the scanned PDFs at 0.89 pages/s through the same worker processes: 18.8 digital pages per scanned page.
    /// </summary>
    public const double ScanWeight = 19;

    public double Units => Pages * (Scanned ? ScanWeight : 1);

    public static readonly WorkEstimate Unknown = new(1, false);
}

/// <summary>
/// The ingest's plan of one file: its SHA-256 and its <see cref="WorkEstimate"/>, from one read of its bytes (the plan
/// reads every file once to hash it; the page count rides along at no extra read).
/// The page count is a byte scan written here by hand, no PDF parser: the ingest process runs no parser on archive
/// input (a parser's stack overflow on a hostile file cannot be caught in .NET and would end the whole run; parsers run
/// in the worker processes). It counts the page objects ("/Type /Page", not "/Pages") and image XObjects, and looks for
/// fonts: images and no font at all is a scan. Page dictionaries hidden in compressed object streams count as one page;
/// only the ETA suffers (the worker counts the true pages).
/// </summary>
public static class PlanRead
{
    private static readonly Regex PageObject = new(@"/Type\s*/Page(?![A-Za-z])", RegexOptions.CultureInvariant);
    private static readonly Regex ImageObject = new(@"/Subtype\s*/Image(?![A-Za-z])", RegexOptions.CultureInvariant);
    private static readonly Regex FontObject = new(@"/Font(?![A-Za-z])", RegexOptions.CultureInvariant);

    /// <summary>Longest token the scan looks for, so a token cut by a chunk boundary is found in the next chunk.</summary>
    private const int Carry = 64;

    /// <summary>Hashes the stream and estimates its work (a PDF's pages by the byte scan, anything else one page).</summary>
    public static (string Sha256, WorkEstimate Work) Read(Stream input, bool isPdf)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[1 << 16];
        var scan = isPdf ? new PdfScan() : null;
        int n;
        while ((n = input.Read(buffer, 0, buffer.Length)) > 0)
        {
            sha.AppendData(buffer, 0, n);
            scan?.Feed(buffer.AsSpan(0, n), last: false);
        }
        scan?.Feed([], last: true);
        return (Convert.ToHexStringLower(sha.GetHashAndReset()), scan?.Estimate ?? WorkEstimate.Unknown);
    }

    /// <summary>The estimate of a whole PDF held in memory (tests).</summary>
    public static WorkEstimate OfPdf(ReadOnlySpan<byte> pdf)
    {
        var scan = new PdfScan();
        scan.Feed(pdf, last: true);
        return scan.Estimate;
    }

    /// <summary>
    /// Counts the tokens over chunks. Each chunk is searched with the tail of the one before it in front (Latin-1: one char
    /// per byte). A match is counted once: in the chunk where its end lies at or beyond the carried tail's end, and only
    /// when the byte after it is known (not at the very end of a chunk that is not the last) so the "not /Pages" test holds.
    /// </summary>
    private sealed class PdfScan
    {
        private string carry = "";
        private long pages, images, fonts;

        public void Feed(ReadOnlySpan<byte> chunk, bool last)
        {
            var text = carry + Encoding.Latin1.GetString(chunk);
            // A match ending exactly at the text's end was not counted before, unless its next byte was known then.
            var from = carry.Length;
            pages += Count(PageObject, text, from, last);
            images += Count(ImageObject, text, from, last);
            fonts += Count(FontObject, text, from, last);
            carry = text.Length > Carry ? text[^Carry..] : text;
        }

        /// <summary>Matches whose end lies in [from, text.Length) (or at text.Length on the last chunk).</summary>
        private static int Count(Regex r, string text, int carried, bool last)
        {
            var count = 0;
            // Counted before: matches ending before the carried tail's last char (their next byte was in that chunk).
            var minEnd = Math.Max(0, carried);
            for (var m = r.Match(text); m.Success; m = m.NextMatch())
            {
                var end = m.Index + m.Length;
                if (end < minEnd) continue;
                if (end >= text.Length && !last) continue; // its next byte comes with the next chunk
                count++;
            }
            return count;
        }

        public WorkEstimate Estimate => new(
            (int)Math.Clamp(pages, 1, int.MaxValue),
            Scanned: images > 0 && fonts == 0);
    }
}

/// <summary>The ETA of an ingest from page units done and planned. Pure.</summary>
public static class IngestEta
{
    /// <summary>
    /// Time left at the rate so far: the units left over the units done per second. Null until something is done (no rate
    /// to go by). Units of a file count when the file is done, so a long scan in flight makes the rate look slower until
    /// it lands; that errs on the side of a longer ETA.
    /// </summary>
    public static TimeSpan? Remaining(double doneUnits, double plannedUnits, TimeSpan elapsed)
    {
        if (doneUnits <= 0 || elapsed <= TimeSpan.Zero) return null;
        var left = Math.Max(0, plannedUnits - doneUnits);
        return TimeSpan.FromSeconds(left * elapsed.TotalSeconds / doneUnits);
    }
}
