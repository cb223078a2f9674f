namespace Baocao.Checks;

/// <summary>A family of checks: the relations it expects a record's figures to satisfy.</summary>
public interface ICheckRule
{
    IEnumerable<Relation> Relations(RecordView view);
}
