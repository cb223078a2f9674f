using System.Text.RegularExpressions;
using Baocao.Text;

namespace Baocao.Header;

/// <summary>
/// The document number of the "Số:" line, split as record-format.md asks: Number is null when the number was left
/// blank on an archived draft ("Số: /BC-STTTT"), but the symbol and type are still read, since they say what the
/// document is and who issued it.
/// </summary>
public sealed record DocNumber(string? Number, string? Symbol, string? DocType);

public static partial class DocNumberParser
{
    /// <summary>
    /// Type codes of Nghị định 30/2020/NĐ-CP (Phụ lục III), plus the legal-document codes that appear in symbols of
    /// cited documents (NĐ, TT, TTLT). A symbol whose first part is not one of these ("UBND-VP" in a công văn number)
    /// has no type.
    /// </summary>
    private static readonly HashSet<string> TypeCodes = new(StringComparer.Ordinal)
    {
        "BC", "QĐ", "KH", "TB", "TTr", "CT", "NQ", "QC", "QyĐ", "TC", "HD", "CTr", "PA", "ĐA", "DA", "BB", "HĐ",
        "CĐ", "BGN", "BTT", "GUQ", "GM", "GGT", "GNP", "PG", "PC", "PB", "NĐ", "TT", "TTLT",
    };

    /// <summary>
    /// Reads a "Số:" line ("Số: 533/BC-UBND", "Số: /BC-STTTT", "Số: 06 /BC-TTHC", "Số 12/2023/QĐ-UBND", "SỐ:533/BC-UBND").
    /// Text after the symbol (a place and date printed on the same line) is ignored. Null when the line is not a number line.
    /// </summary>
    public static DocNumber? Parse(string? line)
    {
        var text = VietText.Clean(line);
        var m = NumberLine().Match(text);
        if (!m.Success) return null;
        return Build(m.Groups["n"].Value, m.Groups["y"].Value, m.Groups["sym"].Value);
    }

    /// <summary>Splits a bare document number ("61/2018/NĐ-CP", "1234/UBND-VP") into its parts.</summary>
    public static DocNumber? ParseBare(string? number)
    {
        var m = BareNumber().Match(VietText.Clean(number));
        return m.Success ? Build(m.Groups["n"].Value, m.Groups["y"].Value, m.Groups["sym"].Value) : null;
    }

    private static DocNumber Build(string n, string year, string rawSymbol)
    {
        // "BC - UBND" printed with spaces is the same symbol; dash variants are normalised to the hyphen used in print.
        var symbol = SymbolSpaces().Replace(rawSymbol, "-");
        string? number = n.Length == 0 ? null : year.Length == 0 ? $"{n}/{symbol}" : $"{n}/{year}/{symbol}";
        var first = symbol.Split('-')[0];
        return new DocNumber(number, symbol, TypeCodes.Contains(first) ? first : null);
    }

    // "Số" (any case, the colon optional or spaced), the number (digits, maybe blank or dotted out for hand-filling),
    // an optional year, then the symbol: letters and digits in parts joined by hyphens ("BC-SNgV", "QĐ-TTg").
    [GeneratedRegex(@"^Số\s*[:.]?[\s._…]*(?<n>[0-9]{1,6})?[\s._…]*/\s*(?:(?<y>(?:19|20)[0-9]{2})\s*/\s*)?(?<sym>\p{L}[\p{L}0-9]*(?:\s*[-–]\s*[\p{L}0-9]+)*)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NumberLine();

    [GeneratedRegex(@"^(?<n>[0-9]{1,6})\s*/\s*(?:(?<y>(?:19|20)[0-9]{2})\s*/\s*)?(?<sym>\p{L}[\p{L}0-9]*(?:\s*[-–]\s*[\p{L}0-9]+)*)$")]
    private static partial Regex BareNumber();

    [GeneratedRegex(@"\s*[-–]\s*")]
    private static partial Regex SymbolSpaces();
}
