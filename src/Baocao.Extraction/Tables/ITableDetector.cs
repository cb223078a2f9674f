using Baocao.Documents;

namespace Baocao.Tables;

/// <summary>A table found on a page, with the words it took (they are not read again as prose).</summary>
public sealed record DetectedTable(CellGrid Grid, IReadOnlySet<Word> Words);

/// <summary>Finds tables on a page of words and ruling lines.</summary>
public interface ITableDetector
{
    /// <param name="page">The page.</param>
    /// <param name="words">The words still free (not taken by an earlier detector).</param>
    IReadOnlyList<DetectedTable> Detect(LayoutPage page, IReadOnlyList<Word> words);
}

