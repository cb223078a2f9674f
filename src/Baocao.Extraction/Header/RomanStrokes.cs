namespace Baocao.Header;

/// <summary>
/// A Roman numeral of I's as OCR may read it: each stroke of I as I, l, 1 or |, and two strokes joined as H ("IH" for
/// III, "H.07b" for II.07b). Used where the text around it says a numeral stands there (after "quý", before a form
/// code's dot). Pure.
/// </summary>
internal static class RomanStrokes
{
    /// <summary>The strokes of I in a run of such characters: H counts two, any other one.</summary>
    public static int Count(string run) => run.Sum(c => c == 'H' ? 2 : 1);
}
