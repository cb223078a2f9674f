using System.Text;

namespace Baocao.Mapping;

/// <summary>
/// What people read for a canonical key or a check rule, from the form catalog (<c>models/form-catalog.json</c>, embedded
/// in the program): "received.total" is "Tiếp nhận – Tổng số", "table.total" is "Dòng tổng cộng = tổng các dòng";
/// English with <c>english</c> (<c>--lang en</c>). The labels are data in the catalog, so a new field is labelled
/// where it is defined. A key the catalog does not know is shown as the key itself. Text is NFC.
/// </summary>
public static class Labels
{
    /// <summary>The suffix of a percentage under its own key: a "Tỷ lệ %" row's received.total is received.total.pct.</summary>
    public const string PctSuffix = ".pct";

    private static readonly Lazy<FormCatalog> Catalog = new(() =>
    {
        using var s = typeof(Labels).Assembly.GetManifestResourceStream("Baocao.Mapping.form-catalog.json")
                      ?? throw new InvalidOperationException("the form catalog is not embedded in the program");
        using var r = new StreamReader(s, Encoding.UTF8);
        return FormCatalog.Parse(r.ReadToEnd(), "form-catalog.json (embedded)");
    });

    private static readonly Lazy<Dictionary<string, CatalogField>> Fields = new(() => Catalog.Value.Fields.ToDictionary(f => f.Key, StringComparer.Ordinal));
    private static readonly Lazy<Dictionary<string, CatalogRule>> Rules = new(() => Catalog.Value.Rules.ToDictionary(r => r.Rule, StringComparer.Ordinal));

    /// <summary>The catalog's fields in its order (the canonical keys with their labels).</summary>
    public static IReadOnlyList<CatalogField> AllFields => Catalog.Value.Fields;

    /// <summary>The catalog's rule labels.</summary>
    public static IReadOnlyList<CatalogRule> AllRules => Catalog.Value.Rules;

    /// <summary>Whether the catalog labels the key (a ".pct" key through its count key).</summary>
    public static bool Knows(string key) => Fields.Value.ContainsKey(key) || (IsPctOf(key) is { } k && Fields.Value.ContainsKey(k));

    /// <summary>The count key a ".pct" key is the percentage of (received.total.pct → received.total); null when the key is no such percentage.</summary>
    public static string? IsPctOf(string key) =>
        key.EndsWith(PctSuffix, StringComparison.Ordinal) && !Fields.Value.ContainsKey(key) ? key[..^PctSuffix.Length] : null;

    /// <summary>Whether the key holds a percentage: a catalog field of kind pct, or a ".pct" key.</summary>
    public static bool IsPercentage(string key) =>
        Fields.Value.TryGetValue(key, out var f) ? f.Kind == "pct" : key.EndsWith(PctSuffix, StringComparison.Ordinal);

    /// <summary>"Tiếp nhận – Tổng số"; a percentage key of a count "Tiếp nhận – Tổng số (tỷ lệ %)"; an unknown key as it is.</summary>
    public static string Key(string key, bool english = false)
    {
        if (Fields.Value.TryGetValue(key, out var f)) return (english ? f.LabelEn : f.Label) ?? f.Name;
        if (IsPctOf(key) is { } count && Fields.Value.ContainsKey(count)) return Key(count, english) + (english ? " (%)" : " (tỷ lệ %)");
        return key;
    }

    /// <summary>The rule's label: "Dòng tổng cộng = tổng các dòng"; an unknown rule as it is.</summary>
    public static string Rule(string rule, bool english = false) =>
        Rules.Value.TryGetValue(rule, out var r) ? (english ? r.LabelEn : r.Label) : rule;

    /// <summary>
    /// A relation as written by the checks ("received.total = received.new + received.carried_over") with each canonical key
    /// replaced by its label; printed column numbers ("(7)=(8)+(9)") and numbers stay as they are.
    /// </summary>
    public static string Relation(string relation, bool english = false)
    {
        var sb = new StringBuilder();
        var i = 0;
        while (i < relation.Length)
        {
            // A key is a run of lower-case letters, digits, '_' and '.', starting with a letter.
            if (char.IsAsciiLetterLower(relation[i]) && (i == 0 || !char.IsAsciiLetterOrDigit(relation[i - 1])))
            {
                var j = i;
                while (j < relation.Length && (char.IsAsciiLetterLower(relation[j]) || char.IsAsciiDigit(relation[j]) || relation[j] is '_' or '.')) j++;
                var word = relation[i..j].TrimEnd('.');
                sb.Append(Knows(word) ? Key(word, english) : word);
                i += word.Length;
                continue;
            }
            sb.Append(relation[i++]);
        }
        return sb.ToString();
    }
}
