
namespace Baocao.Mapping;

/// <summary>What a mapper sees of one column.</summary>
public sealed record ColumnFeatures(int Index, string Header, int? Number, string? Formula, IReadOnlyList<string> SampleValues);

/// <summary>A column's canonical key (null when unmapped) and how sure the mapper is.</summary>
public sealed record ColumnMapping(string? Key, double Confidence);

/// <summary>
/// Maps a table's columns onto the canonical vocabulary, all columns of a table at once (so the choice can be
/// consistent across the table). The rule table is the first implementation; a trained model replaces it later
/// with the same output shape.
/// </summary>
public interface IColumnMapper
{
    IReadOnlyList<ColumnMapping> Map(TableContext context, IReadOnlyList<ColumnFeatures> columns);

    /// <summary>Mappings below this confidence are left null and the table is flagged for review.</summary>
    double ReviewThreshold { get; }
}
