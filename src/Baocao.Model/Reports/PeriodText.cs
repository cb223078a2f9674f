using System.Globalization;

namespace Baocao.Reports;

/// <summary>
/// Reporting periods written as a Vietnamese reader writes them: "Quý III/2022", "Tháng 5/2020", "6 tháng đầu năm 2021",
/// "Năm 2021", a stated range "01/01/2023 – 20/11/2023"; and the period kinds in words. English with <c>english</c>
/// ("Q3 2022", "May 2020" would be a second convention; the index's own labels "2022-Q3", "2020-05" are used instead). Pure.
/// </summary>
public static class PeriodText
{
    private static readonly string[] Roman = ["I", "II", "III", "IV"];

    /// <summary>A year, or a month, quarter or half of it, in words: "Tháng 5/2020", "Quý III/2022", "6 tháng cuối năm 2021", "Năm 2021".</summary>
    public static string Name(int year, int? quarter = null, int? month = null, int? half = null) =>
        month is { } m ? $"Tháng {m.ToString(CultureInfo.InvariantCulture)}/{year.ToString(CultureInfo.InvariantCulture)}"
        : quarter is >= 1 and <= 4 ? $"Quý {Roman[quarter.Value - 1]}/{year.ToString(CultureInfo.InvariantCulture)}"
        : half is { } h ? (h == 1 ? "6 tháng đầu năm " : "6 tháng cuối năm ") + year.ToString(CultureInfo.InvariantCulture)
        : "Năm " + year.ToString(CultureInfo.InvariantCulture);

    /// <summary>A record's period in words; a custom period as its dates ("01/01/2023 – 20/11/2023"); null when nothing is known.</summary>
    public static string? Name(Period? p) => p switch
    {
        null => null,
        { Kind: "month", Year: { } y, Month: { } m } => Name(y, month: m),
        { Kind: "quarter", Year: { } y, Quarter: { } q } => Name(y, quarter: q),
        { Kind: "half", Year: { } y, Half: { } h } => Name(y, half: h),
        { Kind: "year", Year: { } y } => Name(y),
        { From: { } f, To: { } t } => $"{Date(f)} – {Date(t)}",
        { Year: { } y } => Name(y),
        _ => null,
    };

    /// <summary>An index period label ("2022-Q3", "2021-H1", "2020-05", "2021", "2023-01-01..2023-11-20") in words; the label itself when it is none of these.</summary>
    public static string FromLabel(string label)
    {
        var dots = label.IndexOf("..", StringComparison.Ordinal);
        if (dots > 0) return $"{Date(label[..dots])} – {Date(label[(dots + 2)..])}";
        if (label.Length < 4 || !int.TryParse(label.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var y)) return label;
        var rest = label[4..];
        if (rest.Length == 0) return Name(y);
        if (rest.Length == 3 && rest[0] == '-' && int.TryParse(rest.AsSpan(2), NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            if (rest[1] == 'Q' && n is >= 1 and <= 4) return Name(y, quarter: n);
            if (rest[1] == 'H' && n is 1 or 2) return Name(y, half: n);
            if (char.IsAsciiDigit(rest[1]) && int.TryParse(rest.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var m) && m is >= 1 and <= 12) return Name(y, month: m);
        }
        return label;
    }

    /// <summary>The kind in words: tháng, quý, 6 tháng, năm, tùy chọn (a stated range); English as the record names it.</summary>
    public static string Kind(string kind, bool english = false) => english ? kind : kind switch
    {
        "month" => "tháng",
        "quarter" => "quý",
        "half" => "6 tháng",
        "year" => "năm",
        "custom" => "tùy chọn",
        _ => kind,
    };

    /// <summary>
    /// The kind of an index period label: "2022-Q3" quarter, "2021-H1" half, "2020-05" month, "2021" year, a range
    /// "2023-01-01..2023-11-20" custom; null when the label is none of these.
    /// </summary>
    public static string? KindOfLabel(string label)
    {
        if (label.Contains("..", StringComparison.Ordinal)) return "custom";
        if (label.Length < 4 || !int.TryParse(label.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out _)) return null;
        var rest = label[4..];
        if (rest.Length == 0) return "year";
        if (rest.Length != 3 || rest[0] != '-') return null;
        return rest[1] switch
        {
            'Q' when rest[2] is >= '1' and <= '4' => "quarter",
            'H' when rest[2] is '1' or '2' => "half",
            _ when int.TryParse(rest.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var m) && m is >= 1 and <= 12 => "month",
            _ => null,
        };
    }

    /// <summary>"2023-01-01" as "01/01/2023"; anything else as it is.</summary>
    public static string Date(string iso) =>
        iso is { Length: 10 } && iso[4] == '-' && iso[7] == '-' ? $"{iso[8..]}/{iso[5..7]}/{iso[..4]}" : iso;
}
