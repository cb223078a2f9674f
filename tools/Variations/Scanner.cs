using System.Globalization;

namespace Variations;

/// <summary>
/// Prints a PDF to paper and scans it again, in effect: each page rendered grey at the scan's resolution
/// (poppler), then turned by the skew (and one page by 180° when the plan says so), lit unevenly, blurred, given
/// Gaussian noise and photocopy speckle, saved as JPEG (ImageMagick) and wrapped one image per page (img2pdf).
/// ImageMagick gets a fixed -seed, so the same plan gives the same pixels.
/// </summary>
public static class Scanner
{
    static string F(double v) => v.ToString("0.###", CultureInfo.InvariantCulture);

    public static void Scan(string pdf, string output, ScanConditions s, int seed, string work)
    {
        Directory.CreateDirectory(work);
        Tools.Run("pdftoppm", ["-r", s.Dpi.ToString(CultureInfo.InvariantCulture), "-gray", pdf, Path.Combine(work, "p")], 300);
        var pages = Directory.GetFiles(work, "p-*.pgm").OrderBy(p => p, StringComparer.Ordinal).ToList();
        if (pages.Count == 0) throw new ToolException($"pdftoppm rendered no page of {Path.GetFileName(pdf)}");
        var jpegs = new List<string>();
        for (var i = 0; i < pages.Count; i++)
        {
            var n = i + 1;
            var jpg = Path.Combine(work, $"s-{n:000}.jpg");
            // Each page its own skew around the plan's (a sheet never lies exactly as the one before).
            var angle = s.Skew + (n - 1) * 0.13 * (n % 2 == 0 ? -1 : 1);
            angle = Math.Clamp(angle, -2, 2);
            var args = new List<string> { pages[i], "-seed", ((seed * 31 + n) % 1000000).ToString(CultureInfo.InvariantCulture),
                "-background", "white", "-rotate", F(angle), "-gravity", "center", "-extent", Size(pages[i]) };
            if (s.TurnedPage == n) args.AddRange(["-rotate", "180"]);
            if (s.Lighting > 0)
            {
                // Uneven lighting: the page multiplied by a gradient from white to grey (one side of the glass darker).
                var dark = (int)Math.Round(100 - s.Lighting * 100);
                args.AddRange(["(", "-size", Size(pages[i]), $"gradient:gray100-gray{dark}", ")", "-compose", "multiply", "-composite"]);
            }
            if (s.Blur > 0) args.AddRange(["-blur", $"0x{F(s.Blur)}"]);
            if (s.Noise > 0) args.AddRange(["-attenuate", F(s.Noise), "+noise", "Gaussian"]);
            if (s.Speckle > 0) args.AddRange(["-attenuate", F(s.Speckle), "+noise", "Impulse"]);
            args.AddRange(["-quality", s.JpegQuality.ToString(CultureInfo.InvariantCulture), jpg]);
            Tools.Run("convert", args, 300);
            jpegs.Add(jpg);
        }
        Tools.Run("img2pdf", ["--imgsize", $"{s.Dpi}dpi", "--creationdate", "2024-01-01T00:00:00", "--moddate", "2024-01-01T00:00:00", "-o", output, .. jpegs], 300);
    }

    // The page's size as ImageMagick writes it ("2480x3508"), read from the PGM header: P5, width, height.
    static string Size(string pgm)
    {
        using var f = File.OpenRead(pgm);
        var tokens = new List<string>();
        var sb = new System.Text.StringBuilder();
        while (tokens.Count < 3)
        {
            var b = f.ReadByte();
            if (b < 0) break;
            if (b == '#') { while (b >= 0 && b != '\n') b = f.ReadByte(); continue; }
            if (char.IsWhiteSpace((char)b)) { if (sb.Length > 0) { tokens.Add(sb.ToString()); sb.Clear(); } }
            else sb.Append((char)b);
        }
        return tokens.Count == 3 ? $"{tokens[1]}x{tokens[2]}" : throw new ToolException($"{pgm}: not a PGM file");
    }
}
