using System.Globalization;
using System.Text.RegularExpressions;

namespace Baocao.Text;

/// <summary>What a printed cell or figure holds once typed.</summary>
public enum ValueKind
{
    /// <summary>An empty cell. Often means 0 in these forms, but that is the checker's call, not the parser's.</summary>
    Blank,
    Number,
    /// <summary>A number printed with a % sign ("18,92%").</summary>
    Percent,
    /// <summary>"-": none.</summary>
    Dash,
    /// <summary>"x": a yes mark.</summary>
    Mark,
    Text,
}

/// <summary>A typed value with the flags that record any doubt about how it was read.</summary>
public sealed record TypedValue(ValueKind Kind, decimal? Value, IReadOnlyList<string> Flags)
{
    public static readonly TypedValue Blank = new(ValueKind.Blank, null, []);
}

/// <summary>
/// Parses numbers as Vietnamese documents print them: "." groups thousands and "," is the decimal mark
/// ("5.661" is 5661, "68,75" is 68.75), leading zeros are common ("01", "00").
/// Never guesses silently: a form that breaks the convention is still read, with a flag saying so.
/// </summary>
public static partial class NumberParser
{
    public const string FlagDecimalPoint = "decimal-point";      // "0.7": a point used as the decimal mark
    public const string FlagAmbiguousGrouping = "ambiguous-grouping"; // "1,234": a comma where a thousands group may be meant
    public const string FlagCommaThousands = "comma-thousands";     // "1,234,567" (or "1,572" once the document decided): commas group thousands

    public static TypedValue ParseCell(string? raw)
    {
        var s = VietText.Clean(raw);
        if (s.Length == 0) return TypedValue.Blank;
        if (s is "-" or "–" or "—" or "--") return new TypedValue(ValueKind.Dash, null, []);
        if (s is "x" or "X") return new TypedValue(ValueKind.Mark, null, []);
        var percent = false;
        var body = s;
        if (body.EndsWith('%'))
        {
            percent = true;
            body = body[..^1].TrimEnd();
        }
        if (TryParseNumber(body, out var value, out var flags))
            return new TypedValue(percent ? ValueKind.Percent : ValueKind.Number, value, flags);
        return new TypedValue(ValueKind.Text, null, []);
    }

    /// <summary>Parses one printed number ("22.278", "69,85", "01", "0.7"). False for anything else.</summary>
    public static bool TryParseNumber(string? text, out decimal value, out IReadOnlyList<string> flags)
    {
        value = 0;
        flags = [];
        if (string.IsNullOrWhiteSpace(text)) return false;
        var s = text.Trim().Replace(" ", "");
        var negative = false;
        if (s.StartsWith('-') || s.StartsWith('−'))
        {
            negative = true;
            s = s[1..];
        }
        string digits;
        if (Plain().IsMatch(s)) digits = s;                                   // 5661, 01
        else if (Grouped().IsMatch(s)) digits = s.Replace(".", "");           // 5.661, 1.234.567
        else if (GroupedDecimal().IsMatch(s)) digits = s.Replace(".", "").Replace(',', '.'); // 1.234,5
        else if (CommaDecimal().IsMatch(s))
        {
            digits = s.Replace(',', '.');                                     // 68,75 ; 2,7
            if (CommaThree().IsMatch(s)) flags = [FlagAmbiguousGrouping];     // 1,234 could be a thousands group
        }
        else if (CommaGrouped().IsMatch(s))
        {
            digits = s.Replace(",", "");                                      // 1,234,567 : two commas cannot be a decimal mark
            flags = [FlagCommaThousands];
        }
        else if (PointDecimal().IsMatch(s))
        {
            digits = s;                                                       // 0.7 ; 12.5 : not a thousands group
            flags = [FlagDecimalPoint];
        }
        else return false;
        if (!decimal.TryParse(digits, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value)) return false;
        if (negative) value = -value;
        return true;
    }

    [GeneratedRegex(@"^\d+$")] private static partial Regex Plain();
    [GeneratedRegex(@"^\d{1,3}(\.\d{3})+$")] private static partial Regex Grouped();
    [GeneratedRegex(@"^\d{1,3}(\.\d{3})+,\d+$")] private static partial Regex GroupedDecimal();
    [GeneratedRegex(@"^\d+,\d+$")] private static partial Regex CommaDecimal();
    [GeneratedRegex(@"^\d{1,3},\d{3}$")] private static partial Regex CommaThree();
    [GeneratedRegex(@"^\d{1,3}(,\d{3}){2,}$")] private static partial Regex CommaGrouped();
    [GeneratedRegex(@"^\d+\.(\d{1,2}|\d{4,})$")] private static partial Regex PointDecimal();
}
