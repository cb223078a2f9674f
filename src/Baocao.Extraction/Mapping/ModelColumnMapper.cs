
namespace Baocao.Mapping;

/// <summary>
/// The default column mapper: the trained classifier gives each column a probability for every canonical key and
/// role, then <see cref="JointAssigner"/> picks the whole table's assignment. Roles (STT, row label, other) print as
/// a null key. A key whose confidence is below the model's threshold is left null and the table flagged for review
/// (by the interpreter); a null with low confidence also flags the table, since a key may have been missed.
/// </summary>
public sealed class ModelColumnMapper : IColumnMapper
{
    public ColumnMapperModel Model { get; }
    private readonly JointAssigner assigner;

    public ModelColumnMapper(ColumnMapperModel model, AssignmentOptions? options = null)
    {
        Model = model;
        assigner = new JointAssigner(model.Classes, model.Schemas, model.Sums, options);
    }

    /// <summary>Loads the model that ships beside the program (models/column-mapper.mlnet.zip). Throws <see cref="ModelLoadException"/>.</summary>
    public static ModelColumnMapper LoadDefault(string? path = null) => new(ColumnMapperModel.Load(path ?? ColumnMapperModel.DefaultPath));

    public double ReviewThreshold => Model.Threshold;

    public IReadOnlyList<ColumnMapping> Map(TableContext context, IReadOnlyList<ColumnFeatures> columns) =>
        Choose(context.Form, columns).Select(c => new ColumnMapping(FormCatalog.IsRole(c.Class) ? null : c.Class, c.Confidence)).ToList();

    /// <summary>The chosen class of every column, roles included (for evaluation and diagnostics).</summary>
    public IReadOnlyList<ColumnChoice> Choose(string? form, IReadOnlyList<ColumnFeatures> columns)
    {
        var probabilities = Enumerable.Range(0, columns.Count).Select(i => Model.Classify(columns, i)).ToList();
        return assigner.Assign(probabilities, columns.Select(c => c.Number).ToList(), columns.Select(c => c.Formula).ToList(), form);
    }
}
