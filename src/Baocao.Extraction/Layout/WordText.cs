using Baocao.Documents;
using Baocao.Text;

namespace Baocao.Layout;

/// <summary>Joins words into text.</summary>
public static class WordText
{
    /// <summary>
    /// Joins the words of one printed line, left to right. Words that touch (no gap) are one word split by the
    /// text layer, as happens where a font falls back for some Vietnamese letters: they are joined without a space.
    /// </summary>
    public static string JoinLine(IEnumerable<Word> words)
    {
        var sb = new System.Text.StringBuilder();
        Word? prev = null;
        foreach (var w in words.OrderBy(w => w.Box.X0))
        {
            if (prev is not null && w.Box.X0 - prev.Box.X1 > Math.Max(0.6, 0.08 * w.Box.Height)) sb.Append(' ');
            sb.Append(w.Text);
            prev = w;
        }
        return VietText.Clean(sb.ToString());
    }

    /// <summary>
    /// Joins the words of a table cell: lines top to bottom, words left to right. A narrow cell can break a word
    /// across lines ("Tổ" / "ng số"); a lower-case fragment with no vowel cannot be a Vietnamese syllable, so it
    /// is glued to its neighbour instead of being set off by a space.
    /// </summary>
    public static string Join(IEnumerable<Word> words)
    {
        var sb = new System.Text.StringBuilder();
        var prevLineIsOneToken = false;
        foreach (var line in LineSegmenter.Lines(words).Select(JoinLine).Where(l => l.Length > 0))
        {
            if (sb.Length > 0)
            {
                var prevWord = LastWord(sb.ToString());
                var nextWord = line.Split(' ')[0];
                // The continuation of a broken word is lower case ("Tổ" / "ng"); an upper-case acronym without
                // vowels ("TTHC") is a word of its own.
                var brokenWord = IsLetters(prevWord) && IsLetters(nextWord) && char.IsLower(nextWord[0]) &&
                                 (!HasVowel(nextWord) || (!HasVowel(prevWord) && !VietText.IsUpperText(prevWord)));
                // A number too wide for its cell ("1.1" / "0"): the line held nothing but that one token.
                var brokenNumber = prevLineIsOneToken && prevWord.Length > 0 && (char.IsDigit(prevWord[^1]) || prevWord[^1] == '.') &&
                                   nextWord.Length > 0 && char.IsDigit(nextWord[0]);
                // A range or date broken after its dash or slash ("01/01/2019-" / "15/09/2019").
                var brokenRange = prevWord.Length > 0 && prevWord[^1] is '-' or '/' && nextWord.Length > 0 && char.IsDigit(nextWord[0]) &&
                                  prevWord.Length > 1 && char.IsDigit(prevWord[^2]);
                if (!brokenWord && !brokenNumber && !brokenRange) sb.Append(' ');
            }
            sb.Append(line);
            prevLineIsOneToken = !line.Contains(' ');
        }
        return VietText.Clean(sb.ToString());
    }

    private static string LastWord(string s) => s[(s.LastIndexOf(' ') + 1)..];

    private static bool IsLetters(string w) => w.Length > 0 && w.All(char.IsLetter);

    private static bool HasVowel(string w) => VietText.Fold(w).Any(c => "aeiouy".Contains(c));
}
