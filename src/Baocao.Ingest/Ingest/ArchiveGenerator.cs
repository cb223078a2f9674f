using System.IO.Compression;
using System.Text;

namespace Baocao.Ingest;

/// <summary>
/// Makes an archive like an agency's shared drive for the ingest bench and the resume test: variants of the corpus
/// samples (each a distinct file by content: a PDF with a comment appended after its end, a DOCX with a zip comment, so
/// every copy is hashed and indexed as its own report) in folders by year, scanned PDFs, and a few corrupt files
/// (truncated PDFs, a DOCX that is no zip, empty files, a PDF named .docx).
/// </summary>
public static class ArchiveGenerator
{
    public sealed record Archive(string Root, int DigitalFiles, int ScannedFiles, int ScannedPages, int CorruptFiles)
    {
        public int Files => DigitalFiles + ScannedFiles + CorruptFiles;
    }

    /// <param name="pagesOf">The page count of a scanned PDF (the native toolkit's; a function keeps this class pure of tools).</param>
    public static Archive Generate(string corpus, string root, int files, int scannedPages, int corrupt, Func<string, int> pagesOf, int seed = 2024)
    {
        var digital = Directory.GetFiles(corpus, "*.docx").Concat(Directory.GetFiles(corpus, "*.pdf")).Order(StringComparer.Ordinal).ToList();
        if (digital.Count == 0) throw new FileNotFoundException($"{corpus}: no DOCX or PDF samples to copy");
        var scanned = Directory.Exists(Path.Combine(corpus, "scanned"))
            ? Directory.GetFiles(Path.Combine(corpus, "scanned"), "*.pdf").Order(StringComparer.Ordinal).ToList() : [];
        var rnd = new Random(seed);
        Directory.CreateDirectory(root);
        for (var i = 0; i < files; i++)
        {
            var src = digital[i % digital.Count];
            var folder = Path.Combine(root, $"{2015 + i % 10}", $"Q{1 + i / 10 % 4}");
            Directory.CreateDirectory(folder);
            Variant(src, Path.Combine(folder, $"{i:00000}-{Path.GetFileName(src)}"), i);
        }
        var (scanFiles, pages) = (0, 0);
        // Scans at 200 dpi first (the usual archive scan), then 300.
        var order = scanned.OrderBy(s => s.Contains("scan300") ? 1 : 0).ThenBy(s => s, StringComparer.Ordinal).ToList();
        for (var i = 0; pages < scannedPages && order.Count > 0; i++)
        {
            var src = order[i % order.Count];
            var folder = Path.Combine(root, "scans", $"{2010 + i % 5}");
            Directory.CreateDirectory(folder);
            var dest = Path.Combine(folder, $"{i:0000}-{Path.GetFileName(src)}");
            Variant(src, dest, 100_000 + i);
            pages += pagesOf(dest);
            scanFiles++;
        }
        var bad = Path.Combine(root, "misc");
        if (corrupt > 0) Directory.CreateDirectory(bad);
        for (var i = 0; i < corrupt; i++)
        {
            var src = digital.Where(d => d.EndsWith(".pdf", StringComparison.Ordinal)).ElementAt(rnd.Next(digital.Count / 2));
            var bytes = File.ReadAllBytes(src);
            switch (i % 4)
            {
                case 0: File.WriteAllBytes(Path.Combine(bad, $"truncated-{i}.pdf"), bytes[..(bytes.Length / 3)]); break;
                case 1: File.WriteAllText(Path.Combine(bad, $"not-a-zip-{i}.docx"), $"this is not a Word document {i}"); break;
                case 2: File.WriteAllBytes(Path.Combine(bad, $"empty-{i}.pdf"), []); break;
                default: File.WriteAllBytes(Path.Combine(bad, $"pdf-named-docx-{i}.docx"), bytes); break;
            }
        }
        return new Archive(root, files, scanFiles, pages, corrupt);
    }

    /// <summary>A copy with different bytes and the same content as a reader sees it.</summary>
    private static void Variant(string src, string dest, int n)
    {
        File.Copy(src, dest, overwrite: true);
        if (dest.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase))
        {
            using var f = new FileStream(dest, FileMode.Append);
            f.Write(Encoding.ASCII.GetBytes($"\n%baocao-archive-variant {n}\n"));
        }
        else
        {
            using var zip = ZipFile.Open(dest, ZipArchiveMode.Update);
            zip.Comment = $"baocao archive variant {n}";
        }
    }
}
