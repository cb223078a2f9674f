namespace Baocao.Tools.Bench;

/// <summary>
/// What the benchmarks need of the program that runs them, handed in by the CLI (this assembly cannot name it): how to
/// start that program as an ingest worker, or again with other arguments (an ingest, as the user would run it), and its
/// guard that turns an index's bad input into one line and an exit code.
/// </summary>
public sealed record BenchHost(Func<IReadOnlyList<string>> Worker, Func<string[], IReadOnlyList<string>> Self, Func<Func<int>, int> Guard);
