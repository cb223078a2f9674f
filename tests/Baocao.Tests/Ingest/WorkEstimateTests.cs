using Baocao.Ingest;
using Baocao.Tests.Corpus;

namespace Baocao.Tests.Ingest;

/// <summary>The ingest's page estimate before extraction (a byte scan, no parser) and its ETA arithmetic.</summary>
public class WorkEstimateTests
{
    /// <summary>Hands out its bytes a few at a time, so every token of the scan is cut by a chunk boundary somewhere.</summary>
    private sealed class Trickle(byte[] bytes, int step) : MemoryStream(bytes)
    {
        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, step));
    }

    [Theory]
    [InlineData("01-stttt-travinh-q2-2021.pdf", 10, false)]
    [InlineData("scanned/01-stttt-travinh-q2-2021.scan200.pdf", 10, true)]
    [InlineData("07-ubnd-phucat-t5-2022.pdf", 4, false)]
    public void A_pdf_s_pages_and_scans_are_counted_from_its_bytes_whatever_the_chunks(string file, int pages, bool scanned)
    {
        var bytes = File.ReadAllBytes(Path.Combine(CorpusTests.CorpusDir, file));
        Assert.Equal(new WorkEstimate(pages, scanned), PlanRead.OfPdf(bytes));
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));
        foreach (var step in new[] { 1 << 16, 7, 1 })
        {
            if (step == 1 && bytes.Length > 400_000) continue; // one byte at a time: only on the small files
            Assert.Equal((sha, new WorkEstimate(pages, scanned)), PlanRead.Read(new Trickle(bytes, step), isPdf: true));
        }
    }

    [Fact]
    public void Pages_are_told_from_the_page_tree_and_anything_else_is_one_page()
    {
        var pdf = "1 0 obj << /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >> endobj 2 0 obj <</Type/Page/Parent 1 0 R>> endobj 3 0 obj <</Type /Page /Resources << /Font << /F1 4 0 R >> >> >> endobj"u8;
        Assert.Equal(new WorkEstimate(2, false), PlanRead.OfPdf(pdf));
        // No page objects to see (compressed object streams, or not a PDF at all): one page, the worker counts the rest.
        Assert.Equal(WorkEstimate.Unknown, PlanRead.OfPdf("not a pdf"u8));
        Assert.Equal(WorkEstimate.Unknown, PlanRead.Read(new MemoryStream("PK\u0003\u0004 a docx"u8.ToArray()), isPdf: false).Work);
        Assert.Equal(2 * WorkEstimate.ScanWeight, new WorkEstimate(2, true).Units);
    }

    [Fact]
    public void The_eta_is_the_units_left_at_the_rate_so_far()
    {
        Assert.Null(IngestEta.Remaining(0, 100, TimeSpan.FromSeconds(10)));
        // 20 units in 10 s: 2 units/s; 80 left: 40 s.
        Assert.Equal(TimeSpan.FromSeconds(40), IngestEta.Remaining(20, 100, TimeSpan.FromSeconds(10)));
        // A scan of 4 pages left weighs as 4 × ScanWeight digital pages.
        var left = new WorkEstimate(4, true).Units;
        Assert.Equal(TimeSpan.FromSeconds(left / 2), IngestEta.Remaining(20, 20 + left, TimeSpan.FromSeconds(10)));
        Assert.Equal(TimeSpan.Zero, IngestEta.Remaining(100, 100, TimeSpan.FromSeconds(10)));
    }
}
