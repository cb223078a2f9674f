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
/// <param name="From">Reports whose reporting period ends on or after this day (the period's dates overlap the range).</param>
/// <param name="To">Reports whose reporting period starts on or before this day.</param>
/// <param name="Sort">The order of the reports; null: by relevance with words, else newest first.</param>
/// <param name="Offset">Reports skipped before the first returned (paging).</param>
/// <param name="Field">A field (lĩnh vực) some row of the report belongs to: its canonical name, with or without diacritics, or its key.</param>
/// <param name="Errors">Reports whose checks found errors (true) or none (false), as the "errors" facet counts them.</param>
/// <param name="Review">Reports whose reading needs review (true) or not (false), as the "review" facet counts them.</param>
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
    int RowsPerDocument = 10,
    DateOnly? From = null,
    DateOnly? To = null,
    SearchSort? Sort = null,
    int Offset = 0,
    string? Field = null,
    bool? Errors = null,
    bool? Review = null)
{
    /// <summary>A yes/no filter value ("yes", "no"; "có", "không"; "1", "0"); throws <see cref="QueryException"/> naming the option.</summary>
    public static bool? YesNo(string option, string? value) => value?.Trim().ToLowerInvariant() switch
    {
        null or "" => null,
        "yes" or "có" or "co" or "1" or "true" => true,
        "no" or "không" or "khong" or "0" or "false" => false,
        _ => throw new QueryException($"{option} '{value}' is not yes or no (có / không)"),
    };

    /// <summary>Whether a report's field (its key and canonical name) is the one a <see cref="Field"/> filter names.</summary>
    public static bool FieldMatches(string filter, string key, string name) =>
        string.Equals(filter.Trim(), key, StringComparison.Ordinal) || Baocao.Text.VietText.Fold(filter.Trim()) == Baocao.Text.VietText.Fold(name);

    public IReadOnlyList<Condition> Conditions => Where ?? [];

    /// <summary>Whether table rows are listed: words or numeric conditions pick rows; filters alone pick reports.</summary>
    public bool SelectsRows => Conditions.Count > 0 || TextQuery.Parse(Text).Terms.Count > 0;

    /// <summary>The form codes a <see cref="Form"/> filter accepts, as match keys: "06a" also accepts "II.06a".</summary>
    public static IReadOnlyList<string> FormKeys(string form)
    {
        var key = FormKey(form);
        // The form facet names a code with its regime ("06a (TT 02/2017)"): such a value is that form only.
        var regime = form.Contains("(TT", StringComparison.OrdinalIgnoreCase);
        return key.StartsWith("ii.", StringComparison.Ordinal) || regime ? [key] : [key, "ii." + key];
    }

    /// <summary>
    /// A form code's match key: lower case, without spaces ("II.06a" and "ii. 06A" share "ii.06a"), without the regime
    /// the form facet adds to its values ("II.06a (TT 01/2020)", <see cref="ReportCopies.FormLabel"/>).
    /// </summary>
    public static string FormKey(string form)
    {
        var paren = form.IndexOf(" (TT", StringComparison.OrdinalIgnoreCase);
        if (paren > 0) form = form[..paren];
        return new string(form.Where(c => !char.IsWhiteSpace(c)).ToArray()).ToLowerInvariant();
    }
}

/// <summary>
/// A reporting period to match: a year, or a half, quarter or month of a year. Periods nest as the calendar does: a
/// filter accepts every report whose period lies within it, so 2022-Q2 holds the reports of 2022-Q2 and of the months
/// 04, 05 and 06; 2022-H1 those of H1, Q1, Q2 and the months 01-06; 2022 every report of the year (by
/// <see cref="IndexedReport.YearOf"/>: the period's year, else the date's).
/// </summary>
public sealed record PeriodFilter(int Year, int? Quarter = null, int? Month = null, int? Half = null)
{
    /// <summary>Whether a report's period (its year, and quarter, month or half when it has one) lies within this filter.</summary>
    public bool Contains(int? year, int? quarter, int? month, int? half)
    {
        if (year != Year) return false;
        if (Month is { } m) return month == m;
        if (Quarter is { } q) return quarter == q || (month is { } mo && (mo + 2) / 3 == q);
        if (Half is { } h) return half == h || (quarter is { } qu && (qu + 1) / 2 == h) || (month is { } mh && (mh + 5) / 6 == h);
        return true;
    }

    /// <summary>The periods one level down (year: halves; half: quarters; quarter: months; month: none), for drilling down.</summary>
    public IReadOnlyList<PeriodFilter> Children() =>
        Month is not null ? []
        : Quarter is { } q ? Enumerable.Range(3 * q - 2, 3).Select(m => new PeriodFilter(Year, Month: m)).ToList()
        : Half is { } h ? [new PeriodFilter(Year, Quarter: 2 * h - 1), new PeriodFilter(Year, Quarter: 2 * h)]
        : [new PeriodFilter(Year, Half: 1), new PeriodFilter(Year, Half: 2)];

    /// <summary>The period one level up (month: its quarter; quarter: its half; half: its year); null for a year.</summary>
    public PeriodFilter? Parent() =>
        Month is { } m ? new PeriodFilter(Year, Quarter: (m + 2) / 3)
        : Quarter is { } q ? new PeriodFilter(Year, Half: (q + 1) / 2)
        : Half is not null ? new PeriodFilter(Year) : null;

    /// <summary>
    /// How many reports lie within this period, from the counts of a period facet (labels as <see cref="IndexedReport.PeriodLabelOf"/>
    /// writes them: "2022-Q2", "2022-05", "2022-H1", "2022"; custom ranges "2023-01-01..2023-11-20" are counted in a year
    /// filter by their label's year only when it is the filter's year).
    /// </summary>
    public int CountIn(IEnumerable<FacetCount> periods) =>
        periods.Sum(f => TryParse(f.Value) is { } p ? (Contains(p.Year, p.Quarter, p.Month, p.Half) ? f.Count : 0)
            : Quarter is null && Month is null && Half is null && f.Value.Length >= 4 && f.Value[..4] == Year.ToString("0000", System.Globalization.CultureInfo.InvariantCulture) ? f.Count : 0);

    /// <summary>Parses a period label; null when it is not one (a custom range).</summary>
    public static PeriodFilter? TryParse(string text)
    {
        try { return Parse(text); }
        catch (QueryException) { return null; }
    }

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

/// <summary>What to order the reports by: relevance, the report's date, or a canonical figure (resolved.late …).</summary>
/// <param name="Key">"relevance", "date", or a canonical key.</param>
/// <param name="Descending">Largest (newest) first.</param>
public sealed record SearchSort(string Key, bool Descending = true)
{
    public const string Relevance = "relevance", Date = "date";

    public bool IsFigure => Key is not (Relevance or Date);

    public const string Forms = "relevance, date hoặc một khóa số liệu chuẩn (canonical key) như resolved.late, kèm :asc hoặc :desc";

    /// <summary>Parses "relevance", "date", "date:asc", "resolved.late:desc"; throws <see cref="QueryException"/> saying what is valid.</summary>
    public static SearchSort Parse(string text)
    {
        var s = text.Trim();
        var dir = true;
        var colon = s.LastIndexOf(':');
        if (colon >= 0)
        {
            var d = s[(colon + 1)..].Trim().ToLowerInvariant();
            if (d is not ("asc" or "desc")) throw new QueryException($"--sort '{text}': chiều sắp xếp phải là asc hoặc desc (the direction is asc or desc)");
            dir = d == "desc";
            s = s[..colon].Trim();
        }
        var key = s.ToLowerInvariant();
        if (key is Relevance or Date) return new SearchSort(key, dir);
        if (Reports.CanonicalKeys.Dossier.Contains(key)) return new SearchSort(key, dir);
        throw new QueryException($"--sort '{text}' không hợp lệ (is not a sort): dùng {Forms}; khóa chuẩn: {string.Join(", ", Reports.CanonicalKeys.Dossier)}");
    }

    public override string ToString() => Key == Relevance ? Key : $"{Key}:{(Descending ? "desc" : "asc")}";
}

/// <summary>Days of a --from/--to range.</summary>
public static class QueryDates
{
    /// <summary>"2021-07-01" or "01/07/2021"; throws <see cref="QueryException"/> naming the option and the forms accepted.</summary>
    public static DateOnly Parse(string option, string text)
    {
        var s = text.Trim();
        string[] forms = ["yyyy-MM-dd", "d/M/yyyy", "dd/MM/yyyy"];
        if (DateOnly.TryParseExact(s, forms, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var d)) return d;
        throw new QueryException($"{option} '{text}' không phải một ngày (is not a date): dùng YYYY-MM-DD hoặc DD/MM/YYYY");
    }
}

/// <summary>A query that cannot be run as written (bad --where, --period, unknown key); the message says what is valid.</summary>
public sealed class QueryException(string message) : Exception(message);
