using System.CommandLine;
using Baocao.Index;
using Baocao.Reports;

namespace Baocao.Cli;

/// <summary>
/// The options shared by the index commands: <c>--index</c>, and the search filters that <c>search</c> and <c>export</c>
/// both take, with one translation into a <see cref="SearchQuery"/> so the two commands read them alike.
/// </summary>
public sealed class IndexOptions
{
    public readonly Option<string> Index = new("--index")
    {
        Description = $"the index: a file (default {IndexLocation.FileName} in the data folder, ${IndexLocation.DataVariable} or ./data) or an Elasticsearch URL (http://localhost:9200/baocao)",
    };

    public readonly Argument<string?> Query = new("QUERY")
    {
        Description = "words to find, with or without diacritics; adjacent syllables are a phrase (\"hộ tịch\"); \"quoted phrases\" stay exact; A OR B; -word leaves out reports holding it",
        Arity = ArgumentArity.ZeroOrOne,
    };
    public readonly Option<string?> Agency = new("--agency") { Description = "words of the issuing or parent agency (\"sở tư pháp\")" };
    public readonly Option<string?> Province = new("--province") { Description = "province name, with or without diacritics (\"Tra Vinh\")" };
    public readonly Option<int?> Year = new("--year") { Description = "reporting year" };
    public readonly Option<string?> Period = new("--period") { Description = "reporting period, nesting (2022-Q2 holds its months, 2022-H1 its quarters): " + PeriodFilter.Forms };
    public readonly Option<string?> From = new("--from") { Description = "kỳ báo cáo kết thúc từ ngày này (reporting period ending on or after; YYYY-MM-DD)" };
    public readonly Option<string?> To = new("--to") { Description = "kỳ báo cáo bắt đầu đến ngày này (reporting period starting on or before; YYYY-MM-DD)" };
    public readonly Option<string?> Form = new("--form") { Description = "form code: II.06a exactly, or 06a for both regimes" };
    public readonly Option<string?> Where = new("--where") { Description = "numeric conditions on a row: " + WhereParser.Grammar };
    public readonly Option<string?> Field = new("--field") { Description = "lĩnh vực: reports with rows of this field (\"ho tich\", as the field facet names it)" };
    public readonly Option<string?> Errors = new("--errors") { Description = "yes: reports whose checks found errors; no: none (có / không)" };
    public readonly Option<string?> Review = new("--review") { Description = "yes: reports whose reading needs review; no: the others (có / không)" };

    public static string IndexPath(ParseResult p, Option<string> index) => p.GetValue(index) is { Length: > 0 } s ? s : IndexLocation.Default;

    public void AddFilters(Command cmd)
    {
        cmd.Arguments.Add(Query);
        foreach (var o in new Option[] { Agency, Province, Year, Period, From, To, Form, Where, Field, Errors, Review, Index }) cmd.Options.Add(o);
    }

    /// <summary>The query the options describe; throws <see cref="QueryException"/> with what is valid.</summary>
    public SearchQuery ToQuery(ParseResult p, IReportIndex index, bool facets = false, int limit = 20)
    {
        var keys = CanonicalKeys.Dossier.Concat(index.ValueKeys()).Distinct().ToList();
        return new SearchQuery(
            Text: p.GetValue(Query),
            Agency: p.GetValue(Agency),
            Province: p.GetValue(Province),
            Year: p.GetValue(Year),
            Period: p.GetValue(Period) is { } per ? PeriodFilter.Parse(per) : null,
            Form: p.GetValue(Form),
            Where: p.GetValue(Where) is { } w ? WhereParser.Parse(w, keys) : null,
            Facets: facets,
            Limit: limit,
            From: p.GetValue(From) is { } f ? QueryDates.Parse("--from", f) : null,
            To: p.GetValue(To) is { } t ? QueryDates.Parse("--to", t) : null,
            Field: p.GetValue(Field),
            Errors: SearchQuery.YesNo("--errors", p.GetValue(Errors)),
            Review: SearchQuery.YesNo("--review", p.GetValue(Review)));
    }

    /// <summary>Runs an index action and turns the index's and the query's problems into one line each on stderr (exit 2).</summary>
    public static int Guard(Func<int> action)
    {
        try { return action(); }
        catch (IndexException e)
        {
            Console.Error.WriteLine($"error: {e.Location}: {e.Reason}");
            return 2;
        }
        catch (QueryException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return 2;
        }
    }
}
