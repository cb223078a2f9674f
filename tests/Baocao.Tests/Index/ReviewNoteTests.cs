using Baocao.Index;

namespace Baocao.Tests.Index;

/// <summary>The review queue's notes: a report whose reading left warnings asks for review, in new and older indexes.</summary>
public class ReviewNoteTests
{
    [Fact]
    public void Warnings_of_a_reading_put_the_report_in_the_review_queue_and_older_indexes_gain_the_count()
    {
        var plain = Records.Make("/a/plain.docx", "Trà Vinh", "SỞ TƯ PHÁP", 2021, 2, ("Hộ tịch", [("received.total", 40)]));
        var warned = Records.Make("/a/scan.pdf", "Quảng Ngãi", "SỞ NGOẠI VỤ", 2021, 3, ("Hộ tịch", [("received.total", 4)])) with
        {
            Warnings = ["header: the title's quarter «Quý IH năm 2021» is not legible (OCR); read as quarter 3 of 2021, as the report's date 2021-09 supports"],
        };
        using var tmp = new TempIndex();
        using (var w = tmp.Write()) w.StoreAll([plain, warned]);
        using (var r = tmp.Read())
        {
            var notes = r.ReviewNotes().ToDictionary(n => Path.GetFileName(n.Path));
            Assert.Equal((1, true), (notes["scan.pdf"].Reading, notes["scan.pdf"].NeedsReview));
            Assert.Equal((0, false), (notes["plain.docx"].Reading, notes["plain.docx"].NeedsReview));
        }

        // As an index written before the count was kept: read as 0, and the column added at the first write.
        using (var c = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={tmp.Path};Pooling=false"))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = "ALTER TABLE doc_notes DROP COLUMN reading";
            cmd.ExecuteNonQuery();
        }
        using (var r = tmp.Read()) Assert.All(r.ReviewNotes(), n => Assert.Equal(0, n.Reading));
        using (var w = tmp.Write()) w.Store(warned);
        using (var r = tmp.Read())
            Assert.Equal(1, r.ReviewNotes().Single(n => n.Path.EndsWith("scan.pdf", StringComparison.Ordinal)).Reading);
    }
}
