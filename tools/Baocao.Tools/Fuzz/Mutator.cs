using System.IO.Compression;
using System.Text;

namespace Baocao.Tools.Fuzz;

/// <summary>One mutant: the file written, how it was made (to name it in the report) and the sample it came from.</summary>
public sealed record Mutant(string Path, string Kind, string Sample);

/// <summary>
/// Makes damaged variants of real reports, deterministically by seed: byte-level (flips, truncation, junk, zeroed
/// runs), zip-level for DOCX (a part deleted, truncated, doubled, nested without end, its text given control characters
/// and markup), and object-level for PDF (a stream's bytes scrambled, a /Length or xref offset changed, endobj or the
/// trailer removed, the header's version garbled). The kinds are what an archive's damaged files look like, and what
/// broke readers before (bounds, control characters, ampersands).
/// </summary>
public sealed class Mutator(int seed)
{
    private readonly Random rnd = new(seed);

    private static readonly string[] ByteKinds = ["flip", "truncate", "junk", "zero"];
    private static readonly string[] DocxKinds = ["part-deleted", "part-truncated", "part-nested", "text-control", "text-markup", "part-doubled"];
    private static readonly string[] PdfKinds = ["stream-scrambled", "length-changed", "xref-shifted", "endobj-removed", "trailer-removed", "header-garbled", "text-control"];

    public Mutant Make(string sample, string folder, int number)
    {
        var ext = Path.GetExtension(sample).ToLowerInvariant();
        var bytes = File.ReadAllBytes(sample);
        var structural = rnd.NextDouble() < 0.6;
        string kind;
        byte[] mutated;
        if (structural && ext == ".docx")
        {
            kind = DocxKinds[rnd.Next(DocxKinds.Length)];
            mutated = MutateDocx(bytes, kind);
        }
        else if (structural && ext == ".pdf")
        {
            kind = PdfKinds[rnd.Next(PdfKinds.Length)];
            mutated = MutatePdf(bytes, kind);
        }
        else
        {
            kind = ByteKinds[rnd.Next(ByteKinds.Length)];
            mutated = MutateBytes(bytes, kind);
        }
        var path = Path.Combine(folder, $"{number:0000}-{kind}-{Path.GetFileNameWithoutExtension(sample)}{ext}");
        File.WriteAllBytes(path, mutated);
        return new Mutant(path, kind, Path.GetFileName(sample));
    }

    private byte[] MutateBytes(byte[] b, string kind)
    {
        var m = (byte[])b.Clone();
        switch (kind)
        {
            case "flip":
                var flips = 1 + rnd.Next(32);
                for (var i = 0; i < flips; i++) m[rnd.Next(m.Length)] ^= (byte)(1 << rnd.Next(8));
                return m;
            case "truncate":
                return m[..rnd.Next(1, m.Length)];
            case "junk":
            {
                var at = rnd.Next(m.Length);
                var junk = new byte[1 + rnd.Next(4096)];
                rnd.NextBytes(junk);
                return [.. m[..at], .. junk, .. m[at..]];
            }
            default:
            {
                var at = rnd.Next(m.Length);
                Array.Clear(m, at, Math.Min(m.Length - at, 1 + rnd.Next(2048)));
                return m;
            }
        }
    }

    private byte[] MutateDocx(byte[] b, string kind)
    {
        using var ms = new MemoryStream();
        ms.Write(b);
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Update, leaveOpen: true))
        {
            var parts = zip.Entries.Where(e => e.FullName.EndsWith(".xml", StringComparison.Ordinal) || e.FullName.EndsWith(".rels", StringComparison.Ordinal)).ToList();
            // Most damage is worth making in the document itself.
            var part = rnd.NextDouble() < 0.6 ? zip.GetEntry("word/document.xml") ?? parts[0] : parts[rnd.Next(parts.Count)];
            var name = part.FullName;
            string text;
            using (var r = new StreamReader(part.Open())) text = r.ReadToEnd();
            string? replacement = kind switch
            {
                "part-deleted" => null,
                "part-truncated" => text[..rnd.Next(text.Length)],
                "part-nested" => Nested(text),
                "text-control" => ReplaceInText(text, () => rnd.Next(3) == 0 ? "\u0016" : $"&#{rnd.Next(1, 32)};"),
                "text-markup" => ReplaceInText(text, () => rnd.Next(4) switch { 0 => "&amp;<", 1 => "=cmd|' /C calc'!A0", 2 => "]]>", _ => "&#xD800;" }),
                _ => text, // part-doubled: a second entry of the same name
            };
            // The new entry keeps the part's time: ZipArchive stamps a created entry with the clock, and the same seed must
            // make the same bytes (a test compares two runs; it failed when they straddled a 2-second DOS time step).
            var stamp = part.LastWriteTime;
            if (kind != "part-doubled") part.Delete();
            if (replacement is not null)
            {
                var entry = zip.CreateEntry(name);
                entry.LastWriteTime = stamp;
                using var w = new StreamWriter(entry.Open(), new UTF8Encoding(false));
                w.Write(replacement);
            }
        }
        return ms.ToArray();
    }

    private string Nested(string text)
    {
        var depth = 1000 + rnd.Next(100_000);
        var at = text.IndexOf("<w:body>", StringComparison.Ordinal) is var i and >= 0 ? i + 8 : text.Length / 2;
        return text[..at] + string.Concat(Enumerable.Repeat("<w:sdt><w:sdtContent>", depth)) + string.Concat(Enumerable.Repeat("</w:sdtContent></w:sdt>", depth)) + text[at..];
    }

    /// <summary>Puts <paramref name="insert"/>'s text into a few text runs of a WordprocessingML part.</summary>
    private string ReplaceInText(string xml, Func<string> insert)
    {
        var sb = new StringBuilder(xml);
        var hits = 0;
        for (var at = xml.IndexOf("<w:t", StringComparison.Ordinal); at >= 0 && hits < 5; at = xml.IndexOf("<w:t", at + 4, StringComparison.Ordinal))
        {
            var close = xml.IndexOf('>', at);
            if (close < 0 || rnd.Next(3) != 0) continue;
            sb.Insert(close + 1 + (sb.Length - xml.Length), insert());
            hits++;
        }
        return sb.ToString();
    }

    private byte[] MutatePdf(byte[] b, string kind)
    {
        var m = (byte[])b.Clone();
        var latin = Encoding.Latin1.GetString(b);
        switch (kind)
        {
            case "stream-scrambled":
            {
                var streams = AllIndexes(latin, "stream\n").Concat(AllIndexes(latin, "stream\r\n")).ToList();
                if (streams.Count == 0) return MutateBytes(b, "flip");
                var start = streams[rnd.Next(streams.Count)] + 8;
                for (var i = 0; i < 64 && start + i < m.Length; i++) m[start + rnd.Next(Math.Min(4096, m.Length - start))] = (byte)rnd.Next(256);
                return m;
            }
            case "length-changed":
                return Replace(latin, "/Length ", s => s + rnd.Next(1, 99999).ToString(System.Globalization.CultureInfo.InvariantCulture) + " ");
            case "xref-shifted":
            {
                var x = latin.LastIndexOf("startxref", StringComparison.Ordinal);
                if (x < 0) return MutateBytes(b, "truncate");
                var head = latin[..(x + 9)];
                return Encoding.Latin1.GetBytes(head + "\n" + rnd.Next(0, b.Length * 2).ToString(System.Globalization.CultureInfo.InvariantCulture) + "\n%%EOF\n");
            }
            case "endobj-removed":
                return Replace(latin, "endobj", _ => "");
            case "trailer-removed":
            {
                var t = latin.LastIndexOf("trailer", StringComparison.Ordinal);
                return t < 0 ? MutateBytes(b, "truncate") : Encoding.Latin1.GetBytes(latin[..t]);
            }
            case "header-garbled":
                return Encoding.Latin1.GetBytes("%PDF-" + rnd.Next(0, 99) + "." + rnd.Next(0, 99) + latin[8..]);
            default: // a control character where text is drawn
                return Replace(latin, ") Tj", _ => "\u0016\u0001) Tj");
        }
    }

    private byte[] Replace(string latin, string what, Func<string, string> with)
    {
        var hits = AllIndexes(latin, what).ToList();
        if (hits.Count == 0) return Encoding.Latin1.GetBytes(latin);
        var at = hits[rnd.Next(hits.Count)];
        var end = at + what.Length;
        // For "/Length N": the old number goes too.
        if (what == "/Length ") while (end < latin.Length && char.IsDigit(latin[end])) end++;
        return Encoding.Latin1.GetBytes(latin[..at] + with(what) + latin[end..]);
    }

    private static IEnumerable<int> AllIndexes(string s, string what)
    {
        for (var i = s.IndexOf(what, StringComparison.Ordinal); i >= 0; i = s.IndexOf(what, i + 1, StringComparison.Ordinal)) yield return i;
    }
}
