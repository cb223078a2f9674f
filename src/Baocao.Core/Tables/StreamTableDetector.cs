using Baocao.Documents;

namespace Baocao.Tables;

/// <summary>Placeholder: whitespace-aligned tables (no ruling lines). See the real implementation below.</summary>
public sealed class StreamTableDetector : ITableDetector
{
    public IReadOnlyList<DetectedTable> Detect(LayoutPage page, IReadOnlyList<Word> words) => [];
}
