namespace Baocao.Reports;

/// <summary>
/// The canonical vocabulary of dossier figures (DOMAIN.md, docs/record-format.md): every form's columns and the
/// prose figures map onto these names, so a query on one key reads every form and every year alike.
/// </summary>
public static class CanonicalKeys
{
    /// <summary>The keys a table column or a prose figure can carry, in the order of the II.06a form.</summary>
    public static readonly IReadOnlyList<string> Dossier =
    [
        "received.total", "received.new", "received.online", "received.direct", "received.postal", "received.carried_over",
        "resolved.total", "resolved.early", "resolved.on_time", "resolved.early_or_on_time", "resolved.late",
        "pending.total", "pending.on_time", "pending.late", "returned",
    ];

    public static bool IsKnown(string key) => Dossier.Contains(key);
}
