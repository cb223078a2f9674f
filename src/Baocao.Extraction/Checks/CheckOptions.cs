namespace Baocao.Checks;

/// <summary>Options of the checks stage.</summary>
/// <param name="LowConfidence">OCR confidence below which a value may be a misreading (the flag "low-confidence" marks the same values).</param>
/// <param name="ProposeMisreadings">Look for one-character misreadings of low-confidence values that would reconcile the failing checks.</param>
public sealed record CheckOptions(double LowConfidence = 0.80, bool ProposeMisreadings = true)
{
    public static readonly CheckOptions Default = new();
}
