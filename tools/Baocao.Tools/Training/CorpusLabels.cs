using System.Text.Json;
using Baocao.Text;
using Baocao.Mapping;

namespace Baocao.Tools.Training;

/// <summary>
/// The labelled tables of the corpus: every table of every corpus-samples/*.truth.json, with its hand-checked header
/// paths, column numbers, formulas and keys, and the first body rows as sample values. The truth equals what
/// extraction reads from the sample's DOCX and PDF (the corpus tests hold them to it), so these are the extracted
/// headers too. A column without a key is the STT (first column, "STT"-like header), the row label (the next one),
/// or another column.
/// </summary>
public static class CorpusLabels
{
    public static List<LabelledTable> Read(string corpusDir, FormCatalog catalog)
    {
        var tables = new List<LabelledTable>();
        foreach (var path in Directory.GetFiles(corpusDir, "*.truth.json").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(path)[..^".truth.json".Length];
            using var doc = JsonDocument.Parse(File.ReadAllText(path));
            if (!doc.RootElement.TryGetProperty("tables", out var tt)) continue;
            var ti = 0;
            foreach (var t in tt.EnumerateArray())
            {
                var form = t.GetProperty("form").GetString();
                var cols = t.GetProperty("columns").EnumerateArray().ToList();
                var rows = t.GetProperty("rows").EnumerateArray().Take(5).ToList();
                var features = new List<ColumnFeatures>();
                var classes = new List<string>();
                var labelSeen = false;
                for (var i = 0; i < cols.Count; i++)
                {
                    var c = cols[i];
                    var header = c.GetProperty("header").GetString() ?? "";
                    int? number = c.GetProperty("number").ValueKind == JsonValueKind.Number ? c.GetProperty("number").GetInt32() : null;
                    var values = rows.Select(r => r.GetProperty("cells")[i].GetString() ?? "").ToList();
                    features.Add(new ColumnFeatures(i, header, number, c.GetProperty("formula").GetString(), values));
                    var key = c.GetProperty("key").GetString();
                    if (key is not null) classes.Add(key);
                    else if (i == 0 && VietText.Fold(header).Replace(" ", "") is "stt" or "tt" or "sott") classes.Add(FormCatalog.Stt);
                    else if (!labelSeen) { classes.Add(FormCatalog.Label); labelSeen = true; }
                    else classes.Add(FormCatalog.Other);
                }
                var firstKey = classes.FirstOrDefault(k => !FormCatalog.IsRole(k));
                var schema = catalog.Schemas.FirstOrDefault(s => firstKey is not null && s.Keys.Contains(firstKey))?.Id ?? "none";
                var group = form ?? $"Phụ lục ({schema})";
                tables.Add(new LabelledTable($"corpus/{name}/{ti}", group, form, false, features, classes));
                ti++;
            }
        }
        return tables;
    }
}
