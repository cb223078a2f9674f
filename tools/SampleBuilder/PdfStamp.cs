using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace SampleBuilder;

/// <summary>
/// Makes a LibreOffice PDF reproducible: LibreOffice stamps the export time into /CreationDate and derives the
/// trailer /ID and its private /DocChecksum from it, so every build changes the bytes and dirties git. All three are
/// overwritten in place with values of the same length (a fixed date; hex from the file name), so the
/// cross-reference offsets stay valid.
/// </summary>
public static partial class PdfStamp
{
    public static bool Apply(string path)
    {
        var bytes = File.ReadAllBytes(path);
        // Latin-1 maps bytes 1:1 to chars, so string offsets are byte offsets and binary streams survive untouched.
        var latin1 = Encoding.Latin1;
        var text = latin1.GetString(bytes);
        var changed = CreationDate().Replace(text, m => "/CreationDate(D:20200101000000" + m.Groups[2].Value + ")");
        var id = Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(Path.GetFileNameWithoutExtension(path))));
        changed = TrailerId().Replace(changed, m => m.Groups[1].Value + Fit(id, m.Groups[2].Length) + m.Groups[3].Value + Fit(id, m.Groups[4].Length) + m.Groups[5].Value);
        changed = DocChecksum().Replace(changed, m => m.Groups[1].Value + Fit(id, m.Groups[2].Length));
        if (changed.Length != text.Length) throw new InvalidOperationException($"{path}: PDF length changed while stamping");
        if (changed == text) return false;
        File.WriteAllBytes(path, latin1.GetBytes(changed));
        return true;
    }

    static string Fit(string hex, int length) => string.Concat(Enumerable.Repeat(hex, length / hex.Length + 1))[..length];

    // "/CreationDate(D:20261122034105Z')": the 14 digits are replaced, any time-zone suffix is kept as it is.
    [GeneratedRegex(@"/CreationDate\(D:(\d{14})([^)]*)\)")]
    private static partial Regex CreationDate();

    [GeneratedRegex(@"(/DocChecksum\s*/)([0-9A-Fa-f]+)")]
    private static partial Regex DocChecksum();

    [GeneratedRegex(@"(/ID\s*\[\s*<)([0-9A-Fa-f]+)(>\s*<)([0-9A-Fa-f]+)(>)")]
    private static partial Regex TrailerId();
}
