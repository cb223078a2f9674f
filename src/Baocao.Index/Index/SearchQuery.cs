using System.Globalization;

namespace Baocao.Index;

/// <summary>A comparison operator of a <c>--where</c> condition.</summary>
public enum CompareOp { Greater, GreaterOrEqual, Less, LessOrEqual, Equal, NotEqual }

/// <summary>One numeric condition on a table row's canonical value: <c>resolved.late &gt; 10</c>.</summary>
public sealed record Condition(string Key, CompareOp Op, decimal Value)
{
    public string OpText => Op switch
    {
        CompareOp.Greater => ">", CompareOp.GreaterOrEqual => ">=", CompareOp.Less => "<", CompareOp.LessOrEqual => "<=",
        CompareOp.Equal => "=", _ => "!=",
    };

    public bool Holds(decimal? v) => v is { } x && Op switch
    {
        CompareOp.Greater => x > Value, CompareOp.GreaterOrEqual => x >= Value, CompareOp.Less => x < Value,
        CompareOp.LessOrEqual => x <= Value, CompareOp.Equal => x == Value, _ => x != Value,
    };

    public override string ToString() => $"{Key}{OpText}{Value}";
}

/// <summary>
/// What a search asks for. Document filters (agency, province, year, period, form) narrow the reports; the words
/// and the numeric conditions also pick table rows. Every part is optional: no part at all lists the whole index.
/// </summary>
/// <param name="Text">Words, with or without diacritics; "quoted phrases" keep their word order.</param>
/// <param name="Agency">Words of the issuing or parent agency ("sở tư pháp").</param>
/// <param name="Province">A province name, with or without diacritics.</param>
/// <param name="Year">The reporting year (the period's, else the date's).</param>
/// <param name="Period">A year, quarter, half or month.</param>
/// <param name="Form">A form code: "II.06a" exactly, or "06a" for both regimes (TT 02/2017 and TT 01/2020).</param>
/// <param name="Where">Numeric conditions that must all hold on the same table row.</param>
/// <param name="Facets">Also count the matching reports by province, agency, year and form.</param>
/// <param name="Limit">Reports returned (the totals count them all).</param>
/// <param name="RowsPerDocument">Rows returned per report.</param>
public sealed record SearchQuery(
    string? Text = null,
    string? Agency = null,
    string? Province = null,
    int? Year = null,
    PeriodFilter? Period = null,
    string? Form = null,
    IReadOnlyList<Condition>? Where = null,
    bool Facets = false,
    int Limit = 20,
    int RowsPerDocument = 10)
{
    public IReadOnlyList<Condition> Conditions => Where ?? [];

    /// <summary>Whether table rows are listed: words or numeric conditions pick rows; filters alone pick reports.</summary>
    public bool SelectsRows => Conditions.Count > 0 || TextQuery.Parse(Text).Terms.Count > 0;

    /// <summary>The form codes a <see cref="Form"/> filter accepts, as match keys: "06a" also accepts "II.06a".</summary>
    public static IReadOnlyList<string> FormKeys(string form)
    {
        var key = FormKey(form);
        return key.StartsWith("ii.", StringComparison.Ordinal) ? [key] : [key, "ii." + key];
    }

    /// <summary>A form code's match key: lower case, without spaces ("II.06a" and "ii. 06A" share "ii.06a").</summary>
    public static string FormKey(string form) => new string(form.Where(c => !char.IsWhiteSpace(c)).ToArray()).ToLowerInvariant();
}

/// <summary>A reporting period to match: a year, or a quarter, half or month of a year.</summary>
public sealed record PeriodFilter(int Year, int? Quarter = null, int? Month = null, int? Half = null)
{
    public const string Forms = "YYYY, YYYY-Qn (quarter 1-4), YYYY-Hn (half 1-2) or YYYY-MM (month 01-12)";

    /// <summary>Parses "2021", "2021-Q3", "2021-H1", "2021-05"; throws <see cref="QueryException"/> with the accepted forms.</summary>
    public static PeriodFilter Parse(string text)
    {
        var s = text.Trim().ToUpperInvariant();
        var m = System.Text.RegularExpressions.Regex.Match(s, @"^(\d{4})(?:-(?:Q([1-4])|H([12])|(\d{2})))?$");
        if (!m.Success || (m.Groups[4].Success && int.Parse(m.Groups[4].Value, CultureInfo.InvariantCulture) is < 1 or > 12))
            throw new QueryException($"--period '{text}' is not a period: use {Forms}");
        int? Group(int i) => m.Groups[i].Success ? int.Parse(m.Groups[i].Value, CultureInfo.InvariantCulture) : null;
        return new PeriodFilter(int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), Group(2), Group(4), Group(3));
    }

    public override string ToString() =>
        Quarter is { } q ? $"{Year}-Q{q}" : Half is { } h ? $"{Year}-H{h}" : Month is { } mo ? $"{Year}-{mo:00}" : $"{Year}";
}

/// <summary>A query that cannot be run as written (bad --where, --period, unknown key); the message says what is valid.</summary>
public sealed class QueryException(string message) : Exception(message);
