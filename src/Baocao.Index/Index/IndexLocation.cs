using Baocao.Index.Elastic;

namespace Baocao.Index;

/// <summary>
/// Where the index is. The default is <c>baocao.db</c> in the data folder: <c>$BAOCAO_DATA</c> when set, else
/// <c>./data</c>. A location starting with http:// or https:// is an Elasticsearch index URL
/// (<c>http://localhost:9200/baocao</c>); anything else is a SQLite file.
/// </summary>
public static class IndexLocation
{
    public const string DataVariable = "BAOCAO_DATA";
    public const string FileName = "baocao.db";

    public static string DataFolder => Environment.GetEnvironmentVariable(DataVariable) is { Length: > 0 } d ? d : "data";

    public static string Default => Path.Combine(DataFolder, FileName);

    public static bool IsUrl(string location) =>
        location.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || location.StartsWith("https://", StringComparison.OrdinalIgnoreCase);

    /// <summary>Opens an existing index for searching; never creates one.</summary>
    public static IReportIndex OpenRead(string location) =>
        IsUrl(location) ? ElasticReportIndex.Open(location, create: false) : SqliteReportIndex.OpenRead(location);

    /// <summary>Opens an index for writing, creating it when absent; refuses a file that is not a baocao index.</summary>
    public static IReportIndex OpenWrite(string location) =>
        IsUrl(location) ? ElasticReportIndex.Open(location, create: true) : SqliteReportIndex.OpenWrite(location);
}
