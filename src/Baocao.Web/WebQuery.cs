using System.Globalization;
using System.Text.RegularExpressions;
using Baocao.Index;
using Baocao.Reports;
using Microsoft.AspNetCore.Http;

namespace Baocao.Web;

/// <summary>
/// The search parameters of a request (<c>q, province, agency, year, period, from, to, form, where, sort, limit, offset</c>) as a
/// <see cref="SearchQuery"/>, read with the same rules as the command line's options. A value that cannot be used is a
/// 400 with the reason; parameters never name files.
/// </summary>
public static partial class WebQuery
{
    public static readonly IReadOnlyList<string> Parameters = ["q", "province", "agency", "year", "period", "from", "to", "form", "where", "sort", "field", "errors", "review"];

    public static SearchQuery Parse(IQueryCollection p, IReadOnlyCollection<string> extraKeys, bool facets, int defaultLimit = 20)
    {
        string? Get(string name) => p[name].LastOrDefault() is { } s && !string.IsNullOrWhiteSpace(s) ? s.Trim().Normalize() : null;
        foreach (var name in p.Keys)
            if (!Parameters.Contains(name) && name is not ("limit" or "offset" or "format" or "facets" or "more" or "rows" or "keys" or "lang" or "columns" or "wk" or "wo" or "wv"))
                throw HttpError.BadRequest($"unknown parameter '{name}' (valid: {string.Join(", ", Parameters)}, limit, offset)");
        int? year = null;
        if (Get("year") is { } y)
            year = int.TryParse(y, NumberStyles.None, CultureInfo.InvariantCulture, out var yi) && yi is >= 1900 and <= 2200
                ? yi : throw HttpError.BadRequest($"year '{y}' is not a year (four digits, 1900-2200)");
        var limit = defaultLimit;
        if (Get("limit") is { } l)
            limit = int.TryParse(l, NumberStyles.None, CultureInfo.InvariantCulture, out var li) && li is >= 1 and <= 500
                ? li : throw HttpError.BadRequest($"limit '{l}' is not a number from 1 to 500");
        var offset = 0;
        if (Get("offset") is { } o)
            offset = int.TryParse(o, NumberStyles.None, CultureInfo.InvariantCulture, out var oi) && oi <= 10_000_000
                ? oi : throw HttpError.BadRequest($"offset '{o}': không phải số không âm (is not a number of reports to skip)");
        try
        {
            var keys = CanonicalKeys.Dossier.Concat(extraKeys).Distinct().ToList();
            return new SearchQuery(
                Text: Get("q"), Agency: Get("agency"), Province: Get("province"), Year: year,
                Period: Get("period") is { } per ? PeriodFilter.Parse(per) : null,
                Form: Get("form"),
                Where: Get("where") is { } w ? WhereParser.Parse(w, keys) : null,
                Facets: facets, Limit: limit,
                From: Get("from") is { } from ? QueryDates.Parse("--from", from) : null,
                To: Get("to") is { } to ? QueryDates.Parse("--to", to) : null,
                Sort: Get("sort") is { } sort ? SearchSort.Parse(sort) : null,
                Offset: offset,
                Field: Get("field"),
                Errors: SearchQuery.YesNo("errors", Get("errors")),
                Review: SearchQuery.YesNo("review", Get("review")));
        }
        catch (QueryException e) { throw BadQuery(e); }
    }

    /// <summary>
    /// The shape of an export (<c>/api/export</c>): <c>rows=item|all|KINDS</c> (item rows by default), <c>keys=1</c> (canonical keys as
    /// headers), <c>lang=en</c>, <c>columns=all</c> (every key, also those without a value), as the command line's options.
    /// </summary>
    public static Output.ExportOptions ExportOptions(IQueryCollection p)
    {
        string? Get(string name) => p[name].LastOrDefault() is { } s && !string.IsNullOrWhiteSpace(s) ? s.Trim() : null;
        IReadOnlySet<string>? kinds;
        try { kinds = Output.ExportOptions.ParseRows(Get("rows")); }
        catch (ArgumentException e) { throw HttpError.BadRequest(e.Message); }
        var lang = Get("lang") ?? "vi";
        if (lang is not ("vi" or "en")) throw HttpError.BadRequest($"lang '{Truncate(lang)}' is not vi or en");
        var keys = Get("keys") is { } k && k is not ("0" or "false");
        var columns = Get("columns");
        if (columns is not (null or "all" or "used")) throw HttpError.BadRequest($"columns '{Truncate(columns)}' is not all or used");
        return new Output.ExportOptions(kinds, keys, lang == "en", columns == "all");
    }

    /// <summary>The comparisons of the numeric filter builder (<c>wo</c>), as <see cref="WhereParser"/> takes them.</summary>
    public static readonly IReadOnlyList<string> Comparisons = [">", ">=", "<", "<=", "=", "!="];

    /// <summary>
    /// The search page's numeric filter built from its labels: <c>wk</c> a key (chosen by its Vietnamese label), <c>wo</c> a
    /// comparison, <c>wv</c> a number ("10", "2,5"), added to the typed <c>where</c> with "and". Null when the builder was left
    /// empty; a 400 naming what is wrong otherwise (the combined filter is parsed as the typed one is).
    /// </summary>
    public static string? BuiltWhere(IQueryCollection p, IReadOnlyCollection<string> extraKeys)
    {
        var key = p["wk"].LastOrDefault()?.Trim();
        var value = p["wv"].LastOrDefault()?.Trim();
        if (string.IsNullOrEmpty(key) || string.IsNullOrEmpty(value)) return null;
        var op = p["wo"].LastOrDefault()?.Trim() is { Length: > 0 } o ? o : ">";
        if (!Comparisons.Contains(op)) throw HttpError.BadRequest($"wo '{Truncate(op)}': phép so sánh không hợp lệ (is not one of {string.Join(" ", Comparisons)})");
        if (!decimal.TryParse(value.Replace(',', '.'), NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
            throw HttpError.BadRequest($"wv '{Truncate(value)}': không phải số (is not a number)");
        var condition = key + op + number.ToString(CultureInfo.InvariantCulture);
        var where = p["where"].LastOrDefault()?.Trim();
        var combined = string.IsNullOrEmpty(where) ? condition : where + " and " + condition;
        try { WhereParser.Parse(combined, CanonicalKeys.Dossier.Concat(extraKeys).Distinct().ToList()); }
        catch (QueryException e) { throw BadQuery(e); }
        return combined;
    }

    /// <summary>A query the index refused (an unknown province …): the index's message, with the web parameter names.</summary>
    public static HttpError BadQuery(QueryException e) => HttpError.BadRequest(OptionName().Replace(e.Message, "$1"));

    /// <summary>The request's search parameters again, for links that keep them (facets, export, paging).</summary>
    public static string QueryString(IQueryCollection p, params (string name, string? value)[] changes)
    {
        // A changed filter starts again at the first page; only the paging links keep or set the offset.
        var values = Parameters.Append("limit").Append("offset").ToDictionary(n => n, n => p[n].LastOrDefault());
        if (changes.All(c => c.name != "offset")) values["offset"] = null;
        foreach (var (n, v) in changes) values[n] = v;
        return string.Join("&", values.Where(kv => !string.IsNullOrWhiteSpace(kv.Value))
            .Select(kv => kv.Key + "=" + Uri.EscapeDataString(kv.Value!)));
    }

    /// <summary>An integer id or page number from the route; anything else is a 400 (ids and pages never become paths).</summary>
    public static long Id(object? value, string what)
    {
        var s = value as string ?? "";
        return long.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0
            ? id : throw HttpError.BadRequest($"{what} '{Truncate(s)}' is not a positive integer");
    }

    public static string Truncate(string s) => s.Length > 40 ? s[..40] + "…" : s;

    [GeneratedRegex(@"--(\w+)")]
    private static partial Regex OptionName();
}
