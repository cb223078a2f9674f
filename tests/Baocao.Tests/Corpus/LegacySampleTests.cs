using System.Text.Json;
using Baocao.Tools.Evaluation;
using Baocao.Native;
using Baocao.Pipeline;

namespace Baocao.Tests.Corpus;

/// <summary>
/// corpus-samples/legacy/: samples typed in pre-Unicode fonts (TCVN3 ".VnTime"/".VnTimeH", VNI "VNI-Times"), as DOCX
/// and as the digital PDF LibreOffice made of them, and a legacy Word .doc. Each shares the truth of the sample it was
/// made from (its name up to the first dot), and must match it as the Unicode original does.
/// </summary>
public class LegacySampleTests
{
    private static string LegacyDir => Path.Combine(CorpusTests.CorpusDir, "legacy");
    private static readonly Lazy<Extractor> Shared = new(() => Extractor.CreateDefault(ocrWorkers: 0));

    private static List<string> Mismatches(string file)
    {
        var path = Path.Combine(LegacyDir, file);
        var stem = file[..file.IndexOf('.')];
        using var truth = JsonDocument.Parse(File.ReadAllText(Path.Combine(CorpusTests.CorpusDir, stem + ".truth.json")));
        var record = Shared.Value.Extract(path);
        var cmp = TruthComparer.Compare(file, record, truth.RootElement);
        Assert.True(cmp.Fields.Count > 20, "the truth file compares almost nothing");
        return cmp.Mismatches.Select(m => $"{m.Path}: expected «{m.Expected}», got «{m.Actual}»").ToList();
    }

    [Theory]
    [InlineData("06-stp-bentre-q4-2019.tcvn3.docx")] // font names: .VnTime, and .VnTimeH restores upper case
    [InlineData("07-ubnd-phucat-t5-2022.vni.docx")] // font names: VNI-Times
    [InlineData("07-ubnd-phucat-t5-2022.vni.pdf")] // the PDF's fonts are substitutes: character statistics
    public void Legacy_encoded_sample_matches_the_truth_of_its_unicode_original(string file)
    {
        var bad = Mismatches(file);
        Assert.True(bad.Count == 0, $"{file}: {bad.Count} fields differ:\n" + string.Join("\n", bad.Take(40)));
    }

    [Fact]
    public void Tcvn3_pdf_text_layer_is_detected_by_statistics_and_converted()
    {
        // Made by LibreOffice from the TCVN3 DOCX without the .VnTime fonts: the PDF names only substitute fonts, so
        // the character statistics decide. Two losses come from how the sample was made, not from baocao: LibreOffice
        // draws no glyph for the soft-hyphen byte (TCVN3's ư), and the .VnTimeH words are lower-case codes with no
        // font name left to say they were capitals. The figures and the table must still be read.
        var record = Shared.Value.Extract(Path.Combine(LegacyDir, "06-stp-bentre-q4-2019.tcvn3.pdf"));
        Assert.Contains(record.Warnings, w => w.Contains("TCVN3"));
        var text = string.Join(" ", record.Tables.SelectMany(t => t.Rows).Select(r => r.Label).Concat(record.Figures.Select(f => f.Text)).Append(record.Header.Title));
        foreach (var marker in "¸µ¶·¹¨©ª«¬®×ÕÖ") Assert.DoesNotContain(marker, text);
        Assert.Contains("kiểm soát thủ tục hành chính", record.Header.Title);
        Assert.Contains(record.Figures, f => f.Key == "received.total" && f.Value == 2055m);
        var total = Assert.Single(record.Tables).Rows.Single(r => r.Kind == "total");
        Assert.Equal((2055m, 1869m, 186m), (total.Values["received.total"]!.Value, total.Values["resolved.total"]!.Value, total.Values["pending.total"]!.Value));
    }

    [Fact]
    public void A_pdf_that_names_its_tcvn3_fonts_is_converted_word_by_word_and_vnTimeH_words_are_capitals()
    {
        // The TCVN3 sample with its substitute fonts renamed in place (same length, so the file stays valid): regular
        // text ".VnTime", bold text ".VnTimeH" — as a PDF printed with the fonts installed names them.
        var bytes = File.ReadAllBytes(Path.Combine(LegacyDir, "06-stp-bentre-q4-2019.tcvn3.pdf"));
        var patched = System.Text.Encoding.Latin1.GetString(bytes).Replace("DejaVuSans-Bold", ".VnTimeH-Bold12").Replace("DejaVuSans", ".VnTime-xx");
        var dir = Directory.CreateTempSubdirectory("baocao-legacy-pdf").FullName;
        try
        {
            var path = Path.Combine(dir, "named-fonts.pdf");
            File.WriteAllBytes(path, System.Text.Encoding.Latin1.GetBytes(patched));
            var record = Shared.Value.Extract(path);
            Assert.Contains(record.Warnings, w => w.Contains("legacy Vietnamese fonts") && w.Contains("word(s)"));
            Assert.Equal("SỞ TƯ PHÁP", record.Header.Agency); // bold, so .VnTimeH: lower-case codes, capitals
            Assert.Contains(record.Figures, f => f.Key == "received.total" && f.Value == 2055m);
            Assert.Contains("Bến Tre", record.Header.Province);
        }
        finally { Directory.Delete(dir, true); }
    }

    [Fact]
    public void Legacy_doc_goes_through_libreoffice_or_says_it_is_missing()
    {
        var doc = Path.Combine(LegacyDir, "09-syt-dongthap-q1-2023.doc");
        if (ProcessRunner.Run("sh", ["-c", "command -v soffice"], o => o.ReadToEnd(), TimeSpan.FromSeconds(10)).ExitCode == 0)
        {
            var bad = Mismatches("09-syt-dongthap-q1-2023.doc");
            Assert.True(bad.Count == 0, $"{bad.Count} fields differ:\n" + string.Join("\n", bad.Take(40)));
        }
        var missing = Extractor.CreateDefault(ocrWorkers: 0, docConverter: new LibreOfficeConverter(tool: "soffice-not-installed-here"));
        var e = Assert.Throws<Baocao.Readers.BadInputException>(() => missing.Extract(doc));
        Assert.Equal(doc, e.FilePath);
        Assert.Equal("legacy .doc needs LibreOffice (soffice), which is not installed", e.Reason);
    }
}
