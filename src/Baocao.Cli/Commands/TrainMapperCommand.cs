using System.CommandLine;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Baocao.Mapping;
using Baocao.Tools.Training;

namespace Baocao.Cli;

/// <summary>
/// <c>baocao train-mapper</c>: rebuilds the column mapper (models/column-mapper.mlnet.zip) and its model card from the form
/// catalog and the corpus truth files, deterministically with a fixed seed, and prints the held-out accuracy.
/// </summary>
public static class TrainMapperCommand
{
    public static Command Create()
    {
        var catalog = new Option<string>("--catalog") { Description = "form catalog", DefaultValueFactory = _ => "models/form-catalog.json" };
        var corpus = new Option<string>("--corpus") { Description = "corpus folder (its *.truth.json are labelled data)", DefaultValueFactory = _ => "corpus-samples" };
        var output = new Option<string>("--out") { Description = "model file to write", DefaultValueFactory = _ => "models/" + ColumnMapperModel.FileName };
        var card = new Option<string>("--card") { Description = "model card to write", DefaultValueFactory = _ => "models/MODEL-CARD.md" };
        var seed = new Option<int>("--seed") { Description = "seed of the generated training data", DefaultValueFactory = _ => new TrainerOptions().Seed };
        var quick = new Option<bool>("--skip-corpus-check") { Description = "skip the second training without the corpus (halves the time)" };
        var errors = new Option<string?>("--errors") { Description = "write every held-out mistake to this file (tab-separated), to improve the catalog" };
        var classifier = new Option<ClassifierKind>("--classifier")
        {
            Description = "the classifier to ship (SdcaMaximumEntropy, LbfgsMaximumEntropy, Softmax)", DefaultValueFactory = _ => new TrainerOptions().Classifier,
        };
        var compare = new Option<bool>("--compare") { Description = "also train the other classifiers on the same data and print them side by side (and in the card)" };
        var cmd = new Command("train-mapper", "Rebuild the column-mapping model from the form catalog and the corpus truth") { catalog, corpus, output, card, seed, quick, errors, classifier, compare };
        cmd.SetAction(p => Run(p.GetValue(catalog)!, p.GetValue(corpus)!, p.GetValue(output)!, p.GetValue(card)!, p.GetValue(seed), !p.GetValue(quick), p.GetValue(errors),
            p.GetValue(classifier), p.GetValue(compare)));
        return cmd;
    }

    private static int Run(string catalogPath, string corpusDir, string output, string cardPath, int seed, bool corpusCheck, string? errorsPath,
        ClassifierKind classifier, bool compare)
    {
        FormCatalog catalog;
        string catalogText;
        try
        {
            catalog = FormCatalog.Load(catalogPath);
            catalogText = File.ReadAllText(catalogPath, Encoding.UTF8);
        }
        catch (CatalogException e) { Console.Error.WriteLine($"error: {e.FilePath}: {e.Reason}"); return 1; }
        if (!Directory.Exists(corpusDir)) { Console.Error.WriteLine($"error: {corpusDir}: no such folder"); return 1; }

        var corpus = CorpusLabels.Read(corpusDir, catalog);
        var unknown = corpus.SelectMany(t => t.Classes).Where(k => !FormCatalog.IsRole(k) && catalog.Fields.All(f => f.Key != k)).Distinct().ToList();
        if (unknown.Count > 0) { Console.Error.WriteLine($"error: {corpusDir}: truth keys not in the catalog: {string.Join(", ", unknown)}"); return 1; }

        ColumnMapperModel model;
        TrainingReport report;
        // The shipped classifier first in the comparison, then the others in a fixed order.
        var kinds = compare ? Enum.GetValues<ClassifierKind>().OrderBy(k => k != classifier).ToList() : null;
        try { (model, report) = MapperTrainer.Train(catalog, catalogText, corpus, new TrainerOptions(Seed: seed, Classifier: classifier), corpusCheck, Console.WriteLine, kinds); }
        catch (CatalogException e) { Console.Error.WriteLine($"error: {catalogPath}: {e.Reason}"); return 1; }

        model.Save(output);
        var bytes = File.ReadAllBytes(output);
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        File.WriteAllText(cardPath, ModelCard.Render(report, catalog, model.Threshold, bytes.Length, sha), new UTF8Encoding(false));

        var ci = CultureInfo.InvariantCulture;
        if (errorsPath is not null)
            File.WriteAllLines(errorsPath, report.HeldOut.Errors.Select(e => $"{e.Family}\t{e.Header}\t{e.Expected}\t{e.Predicted}\t{e.Confidence.ToString("0.00", ci)}"));
        Console.WriteLine($"wrote {output} ({bytes.Length.ToString("#,0", ci)} bytes, sha256 {sha[..16]}…) and {cardPath}");
        Console.WriteLine($"version: {report.Version}");
        foreach (var g in report.HeldOut.Groups.Append(report.HeldOut.Total))
            Console.WriteLine($"  held-out {g.Group,-28} {g.Correct,5}/{g.Columns,-5} {(100 * g.Accuracy).ToString("0.00", ci),6} %");
        var c = report.Corpus.Total;
        Console.WriteLine($"  corpus headings              {c.Correct,5}/{c.Columns,-5} {(100 * c.Accuracy).ToString("0.00", ci),6} %");
        if (report.CorpusLeftOut is { } lo)
            Console.WriteLine($"  corpus, trained without it   {lo.Total.Correct,5}/{lo.Total.Columns,-5} {(100 * lo.Total.Accuracy).ToString("0.00", ci),6} %");
        Console.WriteLine($"training time {report.TrainingTime.TotalSeconds.ToString("0.0", ci)} s");
        if (report.Comparison is { } cmp)
        {
            Console.WriteLine();
            Console.WriteLine("comparison on the same held-out split (each model as it loads from its file):");
            foreach (var line in ModelCard.ComparisonTable(cmp)) Console.WriteLine(line);
        }
        return 0;
    }
}
