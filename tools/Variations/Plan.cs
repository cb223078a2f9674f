using System.Globalization;

namespace Variations;

/// <summary>
/// A small deterministic generator (SplitMix64). Written by hand rather than System.Random because the sequence of
/// System.Random(seed) is not promised to stay the same across .NET versions, and a variant must be regenerated
/// from its seed years later.
/// </summary>
public sealed class Rng(ulong seed)
{
    ulong state = seed * 0x9E3779B97F4A7C15UL + 0x2545F4914F6CDD1DUL;

    public ulong Next()
    {
        var z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>An integer in [min, max].</summary>
    public int Int(int min, int max) => min + (int)(Next() % (ulong)(max - min + 1));

    /// <summary>A double in [min, max).</summary>
    public double Double(double min, double max) => min + (Next() >> 11) * (1.0 / (1UL << 53)) * (max - min);

    public bool Chance(double p) => Double(0, 1) < p;

    public T Pick<T>(IReadOnlyList<T> items) => items[Int(0, items.Count - 1)];

    /// <summary>A fresh generator for one aspect, so adding draws to one aspect does not shift the others.</summary>
    public Rng Fork(string aspect)
    {
        ulong h = 1469598103934665603UL;
        foreach (var c in aspect) h = (h ^ c) * 1099511628211UL;
        return new Rng(Next() ^ h);
    }
}

/// <summary>How the document is made: straight DOCX, or a PDF from LibreOffice (DOCX or HTML) or Chromium (HTML).</summary>
public static class Producers
{
    public const string Docx = "docx", LoDocx = "lo-docx", LoHtml = "lo-html", Chromium = "chromium";
    public static readonly string[] All = [Docx, LoDocx, LoHtml, Chromium];
}

/// <summary>The look of the data tables.</summary>
public sealed record TableStyle(double RuleWidth, bool InnerVertical, bool ShadedHeader, bool Landscape)
{
    public override string ToString() =>
        $"rules {RuleWidth.ToString(CultureInfo.InvariantCulture)} pt{(InnerVertical ? "" : ", no inner vertical rules")}{(ShadedHeader ? ", shaded header" : "")}{(Landscape ? ", landscape" : "")}";
}

/// <summary>One scan of the printed pages: resolution, skew, noise, compression, blur, lighting, speckle, a page turned.</summary>
public sealed record ScanConditions(int Dpi, string Quality, double Skew, double Noise, int JpegQuality, double Blur,
    double Lighting, double Speckle, int? TurnedPage)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Dpi} dpi {Quality}: skew {Skew:0.00}°, noise {Noise:0.000}, JPEG {JpegQuality}, blur {Blur:0.00}, lighting {Lighting:0.00}, speckle {Speckle:0.000}{(TurnedPage is { } p ? $", page {p} turned 180°" : "")}");
}

/// <summary>
/// How a synthetic report is laid out and worded. <see cref="WebPrintout"/>: printed from a one-stop web system
/// (landscape, no "Số:", no issuing block or title, a "- Đơn vị báo cáo: …" block at the right, the form's period line,
/// the table, signed "Người làm báo cáo", a printed-by line). <see cref="NumberedHeadings"/>: the official report's
/// prose under numbered headings ("2. Tình hình, kết quả giải quyết TTHC"), or its figure paragraphs right under the
/// introduction. <see cref="Prose"/>: the seed whose wording the figure paragraphs follow (000, 001, 002 or 004).
/// </summary>
public sealed record ReportShape(bool WebPrintout, bool NumberedHeadings, string Prose)
{
    public static readonly string[] ProseShapes = ["000", "001", "002", "004"];

    public override string ToString() =>
        WebPrintout ? "web-system printout" : $"{(NumberedHeadings ? "numbered headings" : "no numbered headings")}, prose like seed {Prose}";
}

/// <summary>
/// Everything a seed decides: the source (a corpus sample's spec, or a synthetic report), its table style and number
/// grouping, the producer, the scan (or none: the digital file itself), and a synthetic report's shape (null for a
/// corpus sample, which keeps its own).
/// </summary>
public sealed record VariantPlan(int Seed, string Source, string Producer, TableStyle Style, bool CommaThousands, ScanConditions? Scan,
    ReportShape? Shape = null)
{
    /// <summary>The condition bucket: producer × dpi × quality.</summary>
    public string Bucket => Scan is null ? $"{Producer} digital" : $"{Producer} {Scan.Dpi}dpi {Scan.Quality}";

    public string Name => $"v{Seed}-{Source}-{Producer}{(Scan is null ? "" : "-scan" + Scan.Dpi)}";

    /// <summary>
    /// The variations outside the bucket that a file has, for a second breakdown: a bucket mixes them, and one of
    /// them (no inner vertical rules, comma thousands) can decide a file's score on its own.
    /// </summary>
    public IReadOnlyList<string> Factors
    {
        get
        {
            var f = new List<string> { Source == Planner.Synthetic ? "synthetic report" : "corpus sample restyled" };
            if (CommaThousands) f.Add("comma thousands");
            if (!Style.InnerVertical) f.Add("no inner vertical rules");
            if (Style.RuleWidth < 0.5) f.Add("rules 0.25 pt");
            if (Style.ShadedHeader) f.Add("shaded header");
            if (Style.Landscape) f.Add("landscape table pages");
            if (Scan?.TurnedPage is not null) f.Add("a page turned 180°");
            if (Scan is { Lighting: > 0 }) f.Add("uneven lighting");
            if (Scan is { Speckle: > 0 }) f.Add("photocopy speckle");
            if (Shape is { WebPrintout: true }) f.Add("web-system printout");
            else if (Shape is { NumberedHeadings: false }) f.Add("prose without numbered headings");
            if (Shape is { WebPrintout: false } s) f.Add($"prose like seed {s.Prose}");
            return f;
        }
    }

    public override string ToString() =>
        $"seed {Seed}: {Source} via {Producer}, {Style}{(CommaThousands ? ", comma thousands" : "")}{(Shape is null ? "" : ", " + Shape)}, {(Scan is null ? "digital" : "scanned " + Scan)}";
}

public static class Planner
{
    public const string Synthetic = "synthetic";

    /// <summary>The plan of one seed. <paramref name="samples"/> are the corpus spec names, in a fixed order.</summary>
    public static VariantPlan Plan(int seed, IReadOnlyList<string> samples)
    {
        var rng = new Rng((ulong)seed);
        var src = rng.Fork("source");
        // Mostly synthetic reports (other agencies, places, periods, long commune lists), some corpus samples restyled.
        var source = samples.Count == 0 || src.Chance(0.65) ? Synthetic : src.Pick(samples);
        var prod = rng.Fork("producer");
        var producer = prod.Double(0, 1) switch { < 0.1 => Producers.Docx, < 0.4 => Producers.LoDocx, < 0.7 => Producers.LoHtml, _ => Producers.Chromium };
        var st = rng.Fork("style");
        // Landscape pages are a choice of the synthetic reports; the samples keep their own orientation.
        var style = new TableStyle(st.Pick([0.25, 0.5, 1.0]), !st.Chance(0.3), st.Chance(0.4), st.Chance(0.35) && source == Synthetic);
        var comma = source == Synthetic && st.Chance(0.3);
        ScanConditions? scan = null;
        var sc = rng.Fork("scan");
        if (producer != Producers.Docx && sc.Chance(0.7))
        {
            var dpi = sc.Pick([150, 200, 300]);
            var quality = sc.Pick(["good", "fair", "poor"]);
            var skew = Math.Round(sc.Double(0, 2) * (sc.Chance(0.5) ? -1 : 1), 2);
            var (noise, jpeg, blur, light, speckle) = quality switch
            {
                "good" => (sc.Double(0, 0.02), sc.Int(75, 90), sc.Double(0, 0.3), 0.0, 0.0),
                "fair" => (sc.Double(0.02, 0.05), sc.Int(50, 75), sc.Double(0.3, 0.6), sc.Chance(0.4) ? sc.Double(0.1, 0.25) : 0, sc.Chance(0.3) ? sc.Double(0.005, 0.01) : 0),
                _ => (sc.Double(0.05, 0.10), sc.Int(30, 50), sc.Double(0.6, 1.0), sc.Chance(0.7) ? sc.Double(0.25, 0.45) : 0, sc.Chance(0.6) ? sc.Double(0.01, 0.02) : 0),
            };
            int? turned = sc.Chance(0.1) ? sc.Int(1, 3) : null;
            scan = new ScanConditions(dpi, quality, skew, Math.Round(noise, 3), jpeg, Math.Round(blur, 2), Math.Round(light, 2), Math.Round(speckle, 3), turned);
        }
        // Drawn last, from a generator of its own, so that the draws above (and every earlier seed's plan) stay as they were.
        var sh = rng.Fork("shape");
        ReportShape? shape = null;
        if (source == Synthetic)
        {
            // A web system's printout comes from a browser (or an HTML export opened in an office suite).
            var web = producer is Producers.Chromium or Producers.LoHtml && sh.Chance(0.4);
            var numbered = !web && sh.Chance(0.6);
            shape = new ReportShape(web, numbered, sh.Pick(ReportShape.ProseShapes));
        }
        return new VariantPlan(seed, source, producer, style, comma, scan, shape);
    }
}
