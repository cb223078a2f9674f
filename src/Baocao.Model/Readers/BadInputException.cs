namespace Baocao.Readers;

/// <summary>
/// A file we cannot read, with a one-line reason meant for the user ("not a zip archive", "encrypted: a password
/// is required"). The CLI prints "path: reason" and moves on; no stack trace.
/// </summary>
public sealed class BadInputException(string path, string reason, Exception? inner = null)
    : Exception($"{path}: {reason}", inner)
{
    public string FilePath { get; } = path;
    public string Reason { get; } = reason;
}
