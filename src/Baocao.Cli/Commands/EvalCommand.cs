using System.CommandLine;
using Baocao.Tools.Evaluation;

namespace Baocao.Cli;

/// <summary>
/// <c>baocao eval</c>: the verb and its options. The work is done in tools/Baocao.Tools: <see cref="CorpusEval"/> scores the
/// corpus samples against their truth files, <see cref="EvalSweep"/> scores generated variants.
/// </summary>
public static class EvalCommand
{
    public static Command Create()
    {
        var dir = new Option<string>("--dir") { Description = "corpus folder", DefaultValueFactory = _ => "corpus-samples" };
        var verbose = new Option<bool>("--verbose") { Description = "list every mismatching field" };
        var only = new Option<string?>("--only") { Description = "only the documents whose file name contains one of these comma-separated texts (e.g. scan200 or 01-,08-)" };
        var sweep = new Option<bool>("--sweep") { Description = "generate variants (other producers, table styles, scan conditions) and score them per condition bucket (docs/sweep.md)" };
        var seed = new Option<int>("--seed") { Description = "first seed of the sweep: tuning 1-999, held-out 100000-100999", DefaultValueFactory = _ => 1 };
        var count = new Option<int>("--count") { Description = "number of variants of the sweep", DefaultValueFactory = _ => 12 };
        var keep = new Option<string?>("--keep") { Description = "keep the sweep's files (with their truth) in this folder (tuning seeds only)" };
        var json = new Option<bool>("--json") { Description = "the sweep's figures as JSON" };
        var cmd = new Command("eval", "Accuracy against the corpus ground truth (*.truth.json)") { dir, verbose, only, sweep, seed, count, keep, json };
        cmd.SetAction(p => p.GetValue(sweep)
            ? EvalSweep.Run(p.GetValue(dir)!, p.GetValue(seed), p.GetValue(count), p.GetValue(keep), p.GetValue(json))
            : CorpusEval.Run(p.GetValue(dir)!, p.GetValue(verbose), p.GetValue(only)));
        return cmd;
    }
}
