using System.Text.Json.Nodes;
using Baocao.Header;
using Baocao.Reports;

namespace Baocao.Index.Elastic;

/// <summary>
/// The Elasticsearch side of the index: the index body (settings with the Vietnamese folding analyzer, and the
/// mapping), the document made from a record, and the translation of a <see cref="SearchQuery"/> into query DSL with
/// the same meaning as the SQLite engine's (see <see cref="SqliteSearch"/>). Pure: builds JSON, sends nothing.
/// </summary>
public static class ElasticQuery
{
    public const string Format = "baocao-index";
    public const int Version = 1;

    /// <summary>Value fields cannot hold dots in Elasticsearch (a dot makes an object path): "resolved.late" is "resolved_late".</summary>
    public static string ValueField(string key) => key.Replace('.', '_');

    /// <summary>
    /// Settings and mapping. The analyzer "viet" folds like <see cref="Text.VietText.Fold"/>: a char filter maps đ/Đ to d
    /// (asciifolding alone would too, but the mapping states the rule where it is read), then lowercase and asciifolding
    /// drop tones and marks. Row values are doubles, reached through nested row documents, so every condition of a
    /// --where holds on the same row.
    /// </summary>
    public static JsonObject IndexBody()
    {
        JsonObject Kw() => new() { ["type"] = "keyword" };
        JsonObject Txt() => new() { ["type"] = "text", ["analyzer"] = "viet" };
        // The report-level text fields also keep the marks (sub-field "marked"): results holding what was typed with its
        // marks rank first, as in SQLite's doc_mfts.
        JsonObject TxtMarked() => new() { ["type"] = "text", ["analyzer"] = "viet", ["fields"] = new JsonObject { ["marked"] = new JsonObject { ["type"] = "text", ["analyzer"] = "viet_marked" } } };
        JsonObject Int() => new() { ["type"] = "integer" };
        var values = new JsonObject();
        foreach (var k in CanonicalKeys.Dossier) values[ValueField(k)] = new JsonObject { ["type"] = "double" };
        return new JsonObject
        {
            ["settings"] = new JsonObject
            {
                ["number_of_shards"] = 1,
                ["number_of_replicas"] = 0,
                ["analysis"] = new JsonObject
                {
                    ["char_filter"] = new JsonObject { ["viet_d"] = new JsonObject { ["type"] = "mapping", ["mappings"] = new JsonArray("đ => d", "Đ => D") } },
                    ["analyzer"] = new JsonObject
                    {
                        ["viet"] = new JsonObject
                        {
                            ["type"] = "custom", ["tokenizer"] = "standard", ["char_filter"] = new JsonArray("viet_d"),
                            ["filter"] = new JsonArray("lowercase", "asciifolding"),
                        },
                        ["viet_marked"] = new JsonObject { ["type"] = "custom", ["tokenizer"] = "standard", ["filter"] = new JsonArray("lowercase") },
                    },
                },
            },
            ["mappings"] = new JsonObject
            {
                ["_meta"] = new JsonObject { ["format"] = Format, ["schema"] = Version },
                ["dynamic"] = false,
                ["properties"] = new JsonObject
                {
                    ["docId"] = new JsonObject { ["type"] = "long" },
                    ["path"] = Kw(), ["fileName"] = Kw(), ["sha256"] = Kw(), ["format"] = Kw(), ["pages"] = Int(), ["extractor"] = Kw(),
                    ["indexedAt"] = new JsonObject { ["type"] = "date" },
                    ["number"] = Kw(), ["agency"] = Kw(), ["agencyKey"] = Kw(), ["parentAgency"] = Kw(), ["province"] = Kw(), ["provinceKey"] = Kw(),
                    ["place"] = Kw(), ["date"] = Kw(), ["year"] = Int(), ["period"] = Kw(), ["periodKind"] = Kw(), ["periodYear"] = Int(),
                    ["quarter"] = Int(), ["month"] = Int(), ["half"] = Int(), ["title"] = Txt(), ["forms"] = Kw(), ["formKeys"] = Kw(),
                    ["agencyText"] = TxtMarked(), ["head"] = TxtMarked(), ["body"] = TxtMarked(),
                    ["periodFrom"] = Int(), ["periodTo"] = Int(),
                    ["fieldKeys"] = Kw(), ["fieldNames"] = Kw(), ["hasErrors"] = new JsonObject { ["type"] = "boolean" }, ["needsReview"] = new JsonObject { ["type"] = "boolean" },
                    ["rows"] = new JsonObject
                    {
                        ["type"] = "nested",
                        ["properties"] = new JsonObject
                        {
                            ["table"] = Int(), ["row"] = Int(), ["form"] = Kw(), ["formKey"] = Kw(), ["stt"] = Kw(), ["label"] = Kw(), ["kind"] = Kw(),
                            ["page"] = Int(), ["text"] = Txt(),
                            // Keys beyond the canonical vocabulary (newer mappers) become doubles too.
                            ["values"] = new JsonObject { ["dynamic"] = true, ["properties"] = values },
                        },
                    },
                    ["figures"] = new JsonObject
                    {
                        ["properties"] = new JsonObject { ["key"] = Kw(), ["value"] = new JsonObject { ["type"] = "double" }, ["page"] = Int(), ["scope"] = Kw() },
                    },
                    // The whole record, kept for loading (cross-checks over the index), never searched.
                    ["record"] = new JsonObject { ["type"] = "object", ["enabled"] = false },
                },
                ["dynamic_templates"] = new JsonArray(new JsonObject
                {
                    ["values_as_double"] = new JsonObject { ["path_match"] = "rows.values.*", ["mapping"] = new JsonObject { ["type"] = "double" } },
                }),
            },
        };
    }

    /// <summary>A document's id: a hash of its source path key (ids are limited to 512 bytes; paths are not).</summary>
    public static string Id(string pathKey) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(pathKey)));

    /// <summary>
    /// A document's integer id (<see cref="IReportIndex.IdOf"/>): the first 52 bits of the path key's hash, exact in JSON and
    /// JavaScript, and stable across re-indexing since it depends on the path alone.
    /// </summary>
    public static long DocId(string pathKey) =>
        (long)(System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(pathKey))) >> 12);

    public static JsonObject Document(IndexedReport doc, string recordJson, string? extractor)
    {
        var r = doc.Record;
        var h = r.Header;
        var rows = new JsonArray();
        foreach (var row in doc.Rows)
        {
            var values = new JsonObject();
            foreach (var (k, v) in row.Values) if (v is { } d) values[ValueField(k)] = d;
            rows.Add(new JsonObject
            {
                ["table"] = row.Table, ["row"] = row.Row, ["form"] = row.Form, ["formKey"] = row.Form is null ? null : SearchQuery.FormKey(row.Form),
                ["stt"] = row.Stt, ["label"] = row.Label, ["kind"] = row.Kind, ["page"] = row.Page, ["text"] = row.Text, ["values"] = values,
            });
        }
        var figures = new JsonArray();
        foreach (var f in r.Figures) figures.Add(new JsonObject { ["key"] = f.Key, ["value"] = f.Value, ["page"] = f.Page, ["scope"] = f.Scope });
        return new JsonObject
        {
            ["docId"] = DocId(doc.Path), ["path"] = doc.Path, ["fileName"] = doc.FileName, ["sha256"] = r.Source.Sha256, ["format"] = r.Source.Format, ["pages"] = r.Source.Pages,
            ["extractor"] = extractor, ["indexedAt"] = DateTime.UtcNow.ToString("o"),
            ["number"] = h.Number, ["agency"] = h.Agency, ["agencyKey"] = doc.AgencyKey, ["parentAgency"] = h.ParentAgency,
            ["province"] = h.Province, ["provinceKey"] = doc.ProvinceKey, ["place"] = h.Place, ["date"] = h.Date, ["year"] = doc.Year,
            ["period"] = doc.PeriodLabel, ["periodKind"] = h.Period?.Kind, ["periodYear"] = h.Period?.Year, ["quarter"] = h.Period?.Quarter,
            ["month"] = h.Period?.Month, ["half"] = h.Period?.Half, ["title"] = h.Title,
            ["periodFrom"] = IndexedReport.PeriodDays(h)?.From, ["periodTo"] = IndexedReport.PeriodDays(h)?.To,
            ["forms"] = new JsonArray(doc.Forms.Select(f => (JsonNode)JsonValue.Create(f)!).ToArray()),
            ["formKeys"] = new JsonArray(doc.Forms.Select(f => (JsonNode)JsonValue.Create(SearchQuery.FormKey(f))!).ToArray()),
            // The --field, --errors and --review filters (as SQLite's doc_fields and doc_notes hold them): names folded, as the filter is.
            ["fieldKeys"] = new JsonArray(ReportCopies.Fields(r).Select(f => (JsonNode)JsonValue.Create(f.Key)!).ToArray()),
            ["fieldNames"] = new JsonArray(ReportCopies.Fields(r).Select(f => (JsonNode)JsonValue.Create(Text.VietText.Fold(f.Name))!).ToArray()),
            ["hasErrors"] = ReviewNote.Of(r, doc.Path).Errors > 0, ["needsReview"] = ReviewNote.Of(r, doc.Path).NeedsReview,
            ["agencyText"] = doc.AgencyText, ["head"] = doc.HeadText, ["body"] = string.Join(" | ", doc.Rows.Select(x => x.Text)),
            ["rows"] = rows, ["figures"] = figures, ["record"] = JsonNode.Parse(recordJson),
        };
    }

    private static JsonObject Phrase(IEnumerable<string> words, string[] fields) => new()
    {
        ["multi_match"] = new JsonObject { ["query"] = string.Join(' ', words), ["type"] = "phrase", ["fields"] = new JsonArray(fields.Select(f => (JsonNode)JsonValue.Create(f)!).ToArray()) },
    };

    /// <summary>Each clause as a phrase (or an OR of phrases) over the given fields (any field may hold it); all clauses must match.</summary>
    private static JsonArray Words(TextQuery text, params string[] fields) =>
        new(text.Clauses.Select(c => (JsonNode)(c.Count == 1
            ? Phrase(c[0].Words, fields)
            : new JsonObject { ["bool"] = new JsonObject { ["should"] = new JsonArray(c.Select(p => (JsonNode)Phrase(p.Words, fields)).ToArray()), ["minimum_should_match"] = 1 } })).ToArray());

    /// <summary>
    /// The boost of the reports holding what was typed with marks (on the "marked" sub-fields): large and constant, so they
    /// form a tier above the reports that match only folded, ordered within by score.
    /// </summary>
    private static JsonArray MarkedBoost(TextQuery text)
    {
        var list = new JsonArray();
        foreach (var c in text.Clauses)
            foreach (var p in c.Where(p => p.Marked))
            {
                // The runs of syllables typed with marks, each a phrase (a syllable typed bare may carry any marks), as TextQuery.MarkedFts5.
                var runs = new JsonArray();
                var cur = new List<string>();
                for (var k = 0; k <= p.Words.Count; k++)
                {
                    if (k < p.Words.Count && p.Typed[k] != p.Words[k]) { cur.Add(p.Typed[k]); continue; }
                    if (cur.Count > 0) runs.Add(Phrase(cur, ["agencyText.marked", "head.marked", "body.marked"]));
                    cur = [];
                }
                list.Add(new JsonObject { ["constant_score"] = new JsonObject { ["filter"] = Bool("filter", runs), ["boost"] = 1000 } });
            }
        return list;
    }

    private static JsonObject Bool(string clause, JsonArray items) => new() { ["bool"] = new JsonObject { [clause] = items } };

    private static JsonObject Nested(JsonObject query) => new() { ["nested"] = new JsonObject { ["path"] = "rows", ["query"] = query } };

    /// <summary>The row conditions (--where, --form) as clauses on nested rows.</summary>
    private static JsonArray RowFilters(SearchQuery q)
    {
        var list = new JsonArray();
        foreach (var c in q.Conditions)
        {
            var field = "rows.values." + ValueField(c.Key);
            JsonObject Range(string op) => new() { ["range"] = new JsonObject { [field] = new JsonObject { [op] = c.Value } } };
            list.Add(c.Op switch
            {
                CompareOp.Greater => Range("gt"), CompareOp.GreaterOrEqual => Range("gte"), CompareOp.Less => Range("lt"), CompareOp.LessOrEqual => Range("lte"),
                CompareOp.Equal => new JsonObject { ["term"] = new JsonObject { [field] = c.Value } },
                // != holds on a row that has the value and it differs (as in SQL, a missing value is not "different").
                _ => new JsonObject
                {
                    ["bool"] = new JsonObject
                    {
                        ["filter"] = new JsonArray(new JsonObject { ["exists"] = new JsonObject { ["field"] = field } }),
                        ["must_not"] = new JsonArray(new JsonObject { ["term"] = new JsonObject { [field] = c.Value } }),
                    },
                },
            });
        }
        if (q.Form is { } f)
            list.Add(new JsonObject { ["terms"] = new JsonObject { ["rows.formKey"] = new JsonArray(SearchQuery.FormKeys(f).Select(k => (JsonNode)JsonValue.Create(k)!).ToArray()) } });
        return list;
    }

    /// <summary>The report filters (province, agency, year, period, form) as filter clauses.</summary>
    private static JsonArray DocFilters(SearchQuery q)
    {
        var list = new JsonArray();
        JsonObject Term(string field, JsonNode value) => new() { ["term"] = new JsonObject { [field] = value } };
        if (q.Province is { } p)
        {
            var canonical = Provinces.Lookup(p) ?? throw new QueryException($"--province '{p}' is not a province (valid, with or without diacritics: {string.Join(", ", Provinces.All)})");
            list.Add(Term("provinceKey", Provinces.Key(canonical)));
        }
        if (q.Agency is { } a) list.Add(new JsonObject { ["match_phrase"] = new JsonObject { ["agencyText"] = a } });
        if (q.Year is { } y) list.Add(Term("year", y));
        if (q.Period is { } per)
        {
            if (per.Quarter is null && per.Month is null && per.Half is null) list.Add(Term("year", per.Year));
            else
            {
                // Periods nest (PeriodFilter.Contains): a quarter holds its months; a half its quarters and months.
                list.Add(Term("periodYear", per.Year));
                JsonObject Range(string field, int lo, int hi) => new() { ["range"] = new JsonObject { [field] = new JsonObject { ["gte"] = lo, ["lte"] = hi } } };
                var any = new JsonArray();
                if (per.Month is { } m) any.Add(Term("month", m));
                else if (per.Quarter is { } qu) { any.Add(Term("quarter", qu)); any.Add(Range("month", 3 * qu - 2, 3 * qu)); }
                else if (per.Half is { } hf) { any.Add(Term("half", hf)); any.Add(Range("quarter", 2 * hf - 1, 2 * hf)); any.Add(Range("month", 6 * hf - 5, 6 * hf)); }
                list.Add(new JsonObject { ["bool"] = new JsonObject { ["should"] = any, ["minimum_should_match"] = 1 } });
            }
        }
        // --from/--to: the period's days overlap the range.
        static int Num(DateOnly d) => d.Year * 10000 + d.Month * 100 + d.Day;
        if (q.From is { } from) list.Add(new JsonObject { ["range"] = new JsonObject { ["periodTo"] = new JsonObject { ["gte"] = Num(from) } } });
        if (q.To is { } to) list.Add(new JsonObject { ["range"] = new JsonObject { ["periodFrom"] = new JsonObject { ["lte"] = Num(to) } } });
        if (q.Form is { } f)
            list.Add(new JsonObject { ["terms"] = new JsonObject { ["formKeys"] = new JsonArray(SearchQuery.FormKeys(f).Select(k => (JsonNode)JsonValue.Create(k)!).ToArray()) } });
        if (q.Field is { } field)
            list.Add(new JsonObject { ["bool"] = new JsonObject { ["should"] = new JsonArray(Term("fieldKeys", field.Trim()), Term("fieldNames", Text.VietText.Fold(field.Trim()))), ["minimum_should_match"] = 1 } });
        if (q.Errors is { } errors) list.Add(Term("hasErrors", errors));
        if (q.Review is { } review) list.Add(Term("needsReview", review));
        return list;
    }

    private static readonly string[] HeadFields = ["agencyText", "head"];

    /// <summary>
    /// The query part of a search body. Without --where, the words must all be somewhere in the report (header, captions,
    /// figures, rows). With --where, a report needs a row that meets the conditions and holds the words itself, or a row that
    /// meets the conditions in a report whose header holds the words.
    /// </summary>
    public static JsonObject Query(SearchQuery q)
    {
        var text = TextQuery.Parse(q.Text);
        var filter = DocFilters(q);
        var must = new JsonArray();
        if (q.Conditions.Count == 0)
        {
            if (text.HasPositive) foreach (var w in Words(text, "agencyText", "head", "body")) must.Add(w!.DeepClone());
        }
        else
        {
            var rowOnly = RowFilters(q);
            var ownText = RowFilters(q);
            foreach (var w in Words(text, "rows.text")) ownText.Add(w!.DeepClone());
            if (!text.HasPositive) must.Add(Nested(Bool("filter", rowOnly)));
            else
            {
                var headAndRow = new JsonArray();
                foreach (var w in Words(text, HeadFields)) headAndRow.Add(w!.DeepClone());
                headAndRow.Add(Nested(Bool("filter", rowOnly)));
                must.Add(new JsonObject
                {
                    ["bool"] = new JsonObject
                    {
                        ["should"] = new JsonArray(Nested(Bool("filter", ownText)), Bool("must", headAndRow)),
                        ["minimum_should_match"] = 1,
                    },
                });
            }
        }
        var result = new JsonObject { ["filter"] = filter, ["must"] = must };
        // -word: reports holding an excluded phrase anywhere are dropped.
        if (text.Excluded.Count > 0)
            result["must_not"] = new JsonArray(text.Excluded.Select(p => (JsonNode)Phrase(p.Words, ["agencyText", "head", "body"])).ToArray());
        if (MarkedBoost(text) is { Count: > 0 } boosts) result["should"] = boosts;
        return new JsonObject { ["bool"] = result };
    }

    /// <summary>
    /// Aggregations: the facets when asked, and the number of selected rows over all matching reports (reports whose header
    /// holds the words contribute their rows that meet the conditions; the others, their rows that also hold the words).
    /// </summary>
    public static JsonObject Aggregations(SearchQuery q)
    {
        var aggs = new JsonObject();
        if (q.Facets)
        {
            JsonObject Terms(string field, string? display = null)
            {
                var t = new JsonObject { ["terms"] = new JsonObject { ["field"] = field, ["size"] = 100 } };
                if (display is not null) t["aggs"] = new JsonObject { ["display"] = new JsonObject { ["terms"] = new JsonObject { ["field"] = display, ["size"] = 1 } } };
                return t;
            }
            aggs["province"] = Terms("province");
            aggs["agency"] = Terms("agencyKey", "agency");
            aggs["year"] = Terms("year");
            aggs["form"] = Terms("formKeys", "forms");
            aggs["period"] = Terms("period");
        }
        if (q.SelectsRows)
        {
            var text = TextQuery.Parse(q.Text);
            var own = RowFilters(q);
            foreach (var w in Words(text, "rows.text")) own.Add(w!.DeepClone());
            JsonObject CountRows(JsonArray rowFilter) => new()
            {
                ["nested"] = new JsonObject { ["path"] = "rows" },
                ["aggs"] = new JsonObject { ["selected"] = new JsonObject { ["filter"] = rowFilter.Count == 0 ? new JsonObject { ["match_all"] = new JsonObject() } : Bool("filter", rowFilter) } },
            };
            if (q.Conditions.Count > 0 && text.HasPositive)
            {
                aggs["rows_head"] = new JsonObject { ["filter"] = Bool("filter", Words(text, HeadFields)), ["aggs"] = new JsonObject { ["rows"] = CountRows(RowFilters(q)) } };
                aggs["rows_own"] = new JsonObject { ["filter"] = new JsonObject { ["bool"] = new JsonObject { ["must_not"] = new JsonArray(Bool("filter", Words(text, HeadFields))) } }, ["aggs"] = new JsonObject { ["rows"] = CountRows(own) } };
            }
            else aggs["rows_own"] = new JsonObject { ["filter"] = new JsonObject { ["match_all"] = new JsonObject() }, ["aggs"] = new JsonObject { ["rows"] = CountRows(own) } };
        }
        return aggs;
    }

    /// <summary>
    /// The search body: the query, counts exact, a page (from <paramref name="from"/>: best first with words, else newest, or
    /// the order asked for), aggregations.
    /// </summary>
    public static JsonObject SearchBody(SearchQuery q, int size, JsonArray? searchAfter = null, int from = 0)
    {
        var text = TextQuery.Parse(q.Text);
        var sort = q.Sort ?? new SearchSort(text.HasPositive ? SearchSort.Relevance : SearchSort.Date);
        JsonArray order;
        if (sort.Key == SearchSort.Relevance && text.HasPositive) order = new JsonArray("_score", new JsonObject { ["path"] = "asc" });
        else if (sort.IsFigure)
        {
            // The largest value on the selected rows (words or --where), else on the totals rows, as SqliteSearch does.
            var rowFilter = RowFilters(q);
            foreach (var w in Words(text, "rows.text")) rowFilter.Add(w!.DeepClone());
            if (!q.SelectsRows) rowFilter.Add(new JsonObject { ["term"] = new JsonObject { ["rows.kind"] = "total" } });
            order = new JsonArray(
                new JsonObject
                {
                    ["rows.values." + ValueField(sort.Key)] = new JsonObject
                    {
                        ["order"] = sort.Descending ? "desc" : "asc", ["mode"] = sort.Descending ? "max" : "min", ["missing"] = "_last",
                        ["nested"] = new JsonObject { ["path"] = "rows", ["filter"] = Bool("filter", rowFilter) },
                    },
                },
                new JsonObject { ["date"] = new JsonObject { ["order"] = "desc", ["missing"] = "_last" } }, new JsonObject { ["path"] = "asc" });
        }
        else order = new JsonArray(new JsonObject { ["date"] = new JsonObject { ["order"] = sort.Descending ? "desc" : "asc", ["missing"] = "_last" } }, new JsonObject { ["path"] = "asc" });
        var body = new JsonObject
        {
            ["query"] = Query(q),
            ["size"] = size,
            ["track_total_hits"] = true,
            ["_source"] = new JsonObject { ["includes"] = new JsonArray("record", "path") },
            ["sort"] = order,
        };
        if (from > 0) body["from"] = from;
        if (searchAfter is not null) body["search_after"] = searchAfter;
        var aggs = Aggregations(q);
        if (aggs.Count > 0 && searchAfter is null) body["aggs"] = aggs;
        return body;
    }
}
