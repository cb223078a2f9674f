using System.Buffers.Binary;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Baocao.Mapping;

/// <summary>A model file that cannot be used, with the reason in one line.</summary>
public sealed class ModelLoadException(string path, string reason) : Exception($"{path}: {reason}")
{
    public string FilePath { get; } = path;
    public string Reason { get; } = reason;
}

/// <summary>
/// The trained column mapper as stored in models/column-mapper.json: the classifier (feature vocabulary, weights as
/// IEEE half floats in base64, biases), its classes, and the part of the form catalog the joint assignment needs
/// (schemas, and the sums that declared formulas are checked against). Written field by field, with no time stamp,
/// so the same training gives the same bytes.
/// </summary>
public sealed class ColumnMapperModel
{
    public const string Format = "baocao-column-mapper";
    public const int FormatVersion = 1;
    public const string FileName = "column-mapper.json";

    public string Version { get; }
    public int Seed { get; }
    public double Threshold { get; }
    public IReadOnlyList<string> Classes { get; }
    public IReadOnlyList<AssignmentSchema> Schemas { get; }
    public IReadOnlyDictionary<string, IReadOnlyList<IReadOnlyList<string>>> Sums { get; }
    public IReadOnlyList<string> Vocabulary { get; }
    public SoftmaxRegression Regression { get; }
    public ColumnFeaturizer Featurizer { get; }
    private readonly Dictionary<string, int> index;

    public ColumnMapperModel(string version, int seed, double threshold, IReadOnlyList<string> classes, IReadOnlyList<AssignmentSchema> schemas,
        IReadOnlyDictionary<string, IReadOnlyList<IReadOnlyList<string>>> sums, ColumnFeaturizer featurizer, IReadOnlyList<string> vocabulary, SoftmaxRegression regression)
    {
        if (regression.FeatureCount != vocabulary.Count || regression.ClassCount != classes.Count)
            throw new ArgumentException("the regression does not match the vocabulary and the classes");
        (Version, Seed, Threshold, Classes, Schemas, Sums, Featurizer, Vocabulary, Regression) = (version, seed, threshold, classes, schemas, sums, featurizer, vocabulary, regression);
        index = new Dictionary<string, int>(vocabulary.Count, StringComparer.Ordinal);
        for (var i = 0; i < vocabulary.Count; i++) index[vocabulary[i]] = i;
    }

    /// <summary>The class probabilities of column <paramref name="i"/> among its table's columns.</summary>
    public double[] Classify(IReadOnlyList<ColumnFeatures> columns, int i) =>
        Regression.Probabilities(FeatureIndices(Featurizer.Features(columns, i)));

    public IEnumerable<int> FeatureIndices(IEnumerable<string> features) =>
        features.Select(f => index.TryGetValue(f, out var k) ? k : -1).Where(k => k >= 0).Distinct();

    /// <summary>Where extraction looks for the model: models/ beside the program (the build copies it there).</summary>
    public static string DefaultPath => Path.Combine(AppContext.BaseDirectory, "models", FileName);

    public static ColumnMapperModel Load(string path)
    {
        byte[] bytes;
        try { bytes = File.ReadAllBytes(path); }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        { throw new ModelLoadException(path, "column-mapper model missing (rebuild it with ./baocao train-mapper)"); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        { throw new ModelLoadException(path, $"cannot read the column-mapper model ({e.Message.TrimEnd('.')})"); }
        try { return Parse(bytes); }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException or KeyNotFoundException or ArgumentException)
        {
            var reason = e is JsonException ? "not valid JSON" : e.Message.Split('\n')[0].TrimEnd('.');
            throw new ModelLoadException(path, $"corrupt column-mapper model: {reason} (rebuild it with ./baocao train-mapper)");
        }
    }

    private static ColumnMapperModel Parse(byte[] bytes)
    {
        using var doc = JsonDocument.Parse(bytes);
        var root = doc.RootElement;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("format", out var fmt) || fmt.GetString() != Format)
            throw new FormatException("not a column-mapper model");
        var fv = root.GetProperty("formatVersion").GetInt32();
        if (fv != FormatVersion) throw new FormatException($"model format {fv}, this program reads {FormatVersion}");
        var featuresVersion = root.GetProperty("featuresVersion").GetInt32();
        if (featuresVersion != ColumnFeaturizer.Version)
            throw new FormatException($"model made for features v{featuresVersion}, this program computes v{ColumnFeaturizer.Version}");
        static List<string> Strings(JsonElement e) => e.EnumerateArray().Select(x => x.GetString() ?? throw new FormatException("null string")).ToList();
        var classes = Strings(root.GetProperty("classes"));
        var vocabulary = Strings(root.GetProperty("features"));
        var schemas = root.GetProperty("schemas").EnumerateArray()
            .Select(s => new AssignmentSchema(s.GetProperty("id").GetString()!, Strings(s.GetProperty("forms")), Strings(s.GetProperty("keys")))).ToList();
        var sums = root.GetProperty("sums").EnumerateObject().ToDictionary(p => p.Name,
            p => (IReadOnlyList<IReadOnlyList<string>>)p.Value.EnumerateArray().Select(a => (IReadOnlyList<string>)Strings(a)).ToList());
        var abbreviations = root.GetProperty("abbreviations").EnumerateArray()
            .Select(a => Strings(a) is [var l, var sh] ? (l, sh) : throw new FormatException("an abbreviation is not a pair")).ToList();
        var raw = Convert.FromBase64String(root.GetProperty("weights").GetString() ?? "");
        if (raw.Length != vocabulary.Count * classes.Count * 2)
            throw new FormatException($"{raw.Length / 2} weights for {vocabulary.Count} features × {classes.Count} classes");
        var weights = new float[vocabulary.Count * classes.Count];
        for (var i = 0; i < weights.Length; i++) weights[i] = (float)BinaryPrimitives.ReadHalfLittleEndian(raw.AsSpan(2 * i));
        var bias = root.GetProperty("bias").EnumerateArray().Select(b => b.GetSingle()).ToArray();
        foreach (var s in schemas)
            foreach (var k in s.Keys)
                if (!classes.Contains(k)) throw new FormatException($"schema {s.Id}: key {k} is not a class");
        return new ColumnMapperModel(root.GetProperty("version").GetString()!, root.GetProperty("seed").GetInt32(),
            root.GetProperty("threshold").GetDouble(), classes, schemas, sums, new ColumnFeaturizer(abbreviations), vocabulary,
            new SoftmaxRegression(vocabulary.Count, classes.Count, weights, bias));
    }

    /// <summary>Weights are rounded to half precision on save; <see cref="Quantised"/> gives the model as it will load.</summary>
    public ColumnMapperModel Quantised()
    {
        var w = Regression.Weights.Select(x => (float)(Half)x).ToArray();
        return new ColumnMapperModel(Version, Seed, Threshold, Classes, Schemas, Sums, Featurizer, Vocabulary,
            new SoftmaxRegression(Vocabulary.Count, Classes.Count, w, Regression.Bias.ToArray()));
    }

    public byte[] Serialize()
    {
        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("format", Format);
            w.WriteNumber("formatVersion", FormatVersion);
            w.WriteNumber("featuresVersion", ColumnFeaturizer.Version);
            w.WriteString("version", Version);
            w.WriteNumber("seed", Seed);
            w.WriteNumber("threshold", Threshold);
            w.WriteStartArray("classes");
            foreach (var c in Classes) w.WriteStringValue(c);
            w.WriteEndArray();
            w.WriteStartArray("schemas");
            foreach (var s in Schemas)
            {
                w.WriteStartObject();
                w.WriteString("id", s.Id);
                w.WriteStartArray("forms");
                foreach (var f in s.Forms) w.WriteStringValue(f);
                w.WriteEndArray();
                w.WriteStartArray("keys");
                foreach (var k in s.Keys) w.WriteStringValue(k);
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartObject("sums");
            foreach (var (key, alternatives) in Sums.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                w.WriteStartArray(key);
                foreach (var a in alternatives)
                {
                    w.WriteStartArray();
                    foreach (var p in a) w.WriteStringValue(p);
                    w.WriteEndArray();
                }
                w.WriteEndArray();
            }
            w.WriteEndObject();
            w.WriteStartArray("abbreviations");
            foreach (var (l, sh) in Featurizer.Abbreviations)
            {
                w.WriteStartArray();
                w.WriteStringValue(l);
                w.WriteStringValue(sh);
                w.WriteEndArray();
            }
            w.WriteEndArray();
            w.WriteStartArray("bias");
            foreach (var b in Regression.Bias) w.WriteNumberValue(b);
            w.WriteEndArray();
            w.WriteStartArray("features");
            foreach (var f in Vocabulary) w.WriteStringValue(f);
            w.WriteEndArray();
            var raw = new byte[Regression.Weights.Length * 2];
            for (var i = 0; i < Regression.Weights.Length; i++) BinaryPrimitives.WriteHalfLittleEndian(raw.AsSpan(2 * i), (Half)Regression.Weights[i]);
            w.WriteString("weights", Convert.ToBase64String(raw));
            w.WriteEndObject();
        }
        ms.WriteByte((byte)'\n');
        return ms.ToArray();
    }

    public void Save(string path)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (dir is not null) Directory.CreateDirectory(dir);
        // Written beside and moved into place, so a crash never leaves a half-written model.
        var tmp = path + ".tmp";
        File.WriteAllBytes(tmp, Serialize());
        File.Move(tmp, path, overwrite: true);
    }
}
