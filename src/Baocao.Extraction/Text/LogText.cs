using System.Globalization;
using System.Text;

namespace Baocao.Text;

/// <summary>
/// Text bound for a log line (a file name, a reason from a tool) with its control characters escaped: a newline in a
/// file name ("a.pdf\nindexed forged.pdf") must not start a line of its own that a reader or a script would take for
/// the program's, and an escape sequence must not reach the terminal. Printable text, Vietnamese included, is kept.
/// </summary>
public static class LogText
{
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text)) return text ?? "";
        if (!text.Any(NeedsEscape)) return text;
        var sb = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (!NeedsEscape(c)) { sb.Append(c); continue; }
            sb.Append(c switch
            {
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ => "\\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture),
            });
        }
        return sb.ToString();
    }

    // C0 and C1 controls, DEL, and the Unicode line and paragraph separators (which some viewers break lines at).
    private static bool NeedsEscape(char c) => char.IsControl(c) || c is '\u2028' or '\u2029';
}
