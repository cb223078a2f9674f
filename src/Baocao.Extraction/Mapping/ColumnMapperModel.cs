using System.Buffers.Binary;
using System.IO.Compression;
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
/// The trained column mapper: the classifier (<see cref="IColumnClassifier"/>), its classes, and the part of the form
/// catalog the joint assignment needs (schemas, and the sums that declared formulas are checked against). Two file
/// formats: ML.NET's model file (a zip, models/column-mapper.mlnet.zip, the shipped one) with the mapper's own part as
/// one more entry, <c>baocao/column-mapper.json</c>; and the former JSON file of the softmax baseline (feature
/// vocabulary, weights as IEEE half floats in base64, biases), still read and written for the comparison. Written with
/// no time stamp (zip entries get a fixed date), so the same training gives the same bytes.
/// </summary>
public sealed class ColumnMapperModel
{
    public const string Format = "baocao-column-mapper";
    public const int FormatVersion = 2;
    public const string FileName = "column-mapper.mlnet.zip";
    /// <summary>The mapper's part inside ML.NET's zip (ML.NET reads only its own entries and ignores it).</summary>
    public const string MetaEntry = "baocao/column-mapper.json";
    private static readonly DateTimeOffset ZipDate = new(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public string Version { get; }
    public int Seed { get; }
    public double Threshold { get; }
    public IReadOnlyList<string> Classes { get; }
    public IReadOnlyList<AssignmentSchema> Schemas { get; }
    public IReadOnlyDictionary<string, IReadOnlyList<IReadOnlyList<string>>> Sums { get; }
    public IColumnClassifier Classifier { get; }
    public ColumnFeaturizer Featurizer { get; }

    public ColumnMapperModel(string version, int seed, double threshold, IReadOnlyList<string> classes, IReadOnlyList<AssignmentSchema> schemas,
        IReadOnlyDictionary<string, IReadOnlyList<IReadOnlyList<string>>> sums, ColumnFeaturizer featurizer, IColumnClassifier classifier)
    {
        if (!classifier.Classes.SequenceEqual(classes)) throw new ArgumentException("the classifier's classes differ from the mapper's");
        (Version, Seed, Threshold, Classes, Schemas, Sums, Featurizer, Classifier) = (version, seed, threshold, classes, schemas, sums, featurizer, classifier);
    }

    /// <summary>The class probabilities of column <paramref name="i"/> among its table's columns.</summary>
    public double[] Classify(IReadOnlyList<ColumnFeatures> columns, int i) => Classifier.Probabilities(Featurizer.Features(columns, i));

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
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException or KeyNotFoundException or ArgumentException
                                      or InvalidDataException or EndOfStreamException or NotSupportedException)
        {
            var reason = e switch
            {
                JsonException => "not valid JSON",
                InvalidDataException or EndOfStreamException => "not a valid zip (" + e.Message.Split('\n')[0].TrimEnd('.') + ")",
                _ => e.Message.Split('\n')[0].TrimEnd('.'),
            };
            throw new ModelLoadException(path, $"corrupt column-mapper model: {reason} (rebuild it with ./baocao train-mapper)");
        }
    }

    /// <summary>Reads either format, told apart by the first bytes (a zip starts "PK").</summary>
    public static ColumnMapperModel Parse(byte[] bytes)
    {
        if (bytes.Length >= 2 && bytes[0] == (byte)'P' && bytes[1] == (byte)'K') return ParseZip(bytes);
        return ParseJson(bytes);
    }

    private static ColumnMapperModel ParseZip(byte[] bytes)
    {
        byte[] meta;
        using (var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read))
        {
            var entry = zip.GetEntry(MetaEntry) ?? throw new FormatException("not a column-mapper model (an ML.NET file without " + MetaEntry + ")");
            using var s = entry.Open();
            using var ms = new MemoryStream();
            s.CopyTo(ms);
            meta = ms.ToArray();
        }
        using var doc = JsonDocument.Parse(meta);
        var root = doc.RootElement;
        var (version, seed, threshold, classes, schemas, sums, featurizer) = Common(root);
        var kind = Enum.Parse<ClassifierKind>(root.GetProperty("classifier").GetString() ?? "");
        if (kind == ClassifierKind.Softmax) throw new FormatException("a softmax classifier inside an ML.NET file");
        var classifier = MlNetColumnClassifier.Load(new MemoryStream(bytes), kind, classes);
        return new ColumnMapperModel(version, seed, threshold, classes, schemas, sums, featurizer, classifier);
    }

    private static ColumnMapperModel ParseJson(byte[] bytes)
    {
        using var doc = JsonDocument.Parse(bytes);
        var root = doc.RootElement;
        var (version, seed, threshold, classes, schemas, sums, featurizer) = Common(root);
        if (root.GetProperty("classifier").GetString() != nameof(ClassifierKind.Softmax)) throw new FormatException("a JSON model holds the softmax classifier only");
        var vocabulary = Strings(root.GetProperty("features"));
        var raw = Convert.FromBase64String(root.GetProperty("weights").GetString() ?? "");
        if (raw.Length != vocabulary.Count * classes.Count * 2)
            throw new FormatException($"{raw.Length / 2} weights for {vocabulary.Count} features × {classes.Count} classes");
        var weights = new float[vocabulary.Count * classes.Count];
        for (var i = 0; i < weights.Length; i++) weights[i] = (float)BinaryPrimitives.ReadHalfLittleEndian(raw.AsSpan(2 * i));
        var bias = root.GetProperty("bias").EnumerateArray().Select(b => b.GetSingle()).ToArray();
        return new ColumnMapperModel(version, seed, threshold, classes, schemas, sums, featurizer,
            new SoftmaxColumnClassifier(classes, vocabulary, new SoftmaxRegression(vocabulary.Count, classes.Count, weights, bias)));
    }

    private static List<string> Strings(JsonElement e) => e.EnumerateArray().Select(x => x.GetString() ?? throw new FormatException("null string")).ToList();

    private static (string, int, double, List<string>, List<AssignmentSchema>, Dictionary<string, IReadOnlyList<IReadOnlyList<string>>>, ColumnFeaturizer) Common(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("format", out var fmt) || fmt.GetString() != Format)
            throw new FormatException("not a column-mapper model");
        var fv = root.GetProperty("formatVersion").GetInt32();
        if (fv != FormatVersion) throw new FormatException($"model format {fv}, this program reads {FormatVersion}");
        var featuresVersion = root.GetProperty("featuresVersion").GetInt32();
        if (featuresVersion != ColumnFeaturizer.Version)
            throw new FormatException($"model made for features v{featuresVersion}, this program computes v{ColumnFeaturizer.Version}");
        var classes = Strings(root.GetProperty("classes"));
        var schemas = root.GetProperty("schemas").EnumerateArray()
            .Select(s => new AssignmentSchema(s.GetProperty("id").GetString()!, Strings(s.GetProperty("forms")), Strings(s.GetProperty("keys")))).ToList();
        var sums = root.GetProperty("sums").EnumerateObject().ToDictionary(p => p.Name,
            p => (IReadOnlyList<IReadOnlyList<string>>)p.Value.EnumerateArray().Select(a => (IReadOnlyList<string>)Strings(a)).ToList());
        var abbreviations = root.GetProperty("abbreviations").EnumerateArray()
            .Select(a => Strings(a) is [var l, var sh] ? (l, sh) : throw new FormatException("an abbreviation is not a pair")).ToList();
        foreach (var s in schemas)
            foreach (var k in s.Keys)
                if (!classes.Contains(k)) throw new FormatException($"schema {s.Id}: key {k} is not a class");
        return (root.GetProperty("version").GetString()!, root.GetProperty("seed").GetInt32(), root.GetProperty("threshold").GetDouble(),
            classes, schemas, sums, new ColumnFeaturizer(abbreviations));
    }

    /// <summary>The model as it will load from its file (half-float weights for the softmax; ML.NET's own reload).</summary>
    public ColumnMapperModel AsLoaded() => Parse(Serialize());

    /// <summary>The file's bytes: ML.NET's zip (with the mapper's entry) or, for the softmax baseline, the JSON file.</summary>
    public byte[] Serialize()
    {
        if (Classifier is SoftmaxColumnClassifier softmax) return WriteJson(softmax);
        if (Classifier is not MlNetColumnClassifier ml) throw new InvalidOperationException($"cannot save a {Classifier.GetType().Name}");
        using var saved = new MemoryStream();
        ml.Save(saved);
        saved.Position = 0;
        // ML.NET stamps each zip entry with the time of saving; copied entry by entry with a fixed date, the file
        // depends on the model only.
        using var output = new MemoryStream();
        using (var source = new ZipArchive(saved, ZipArchiveMode.Read))
        using (var target = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var e in source.Entries)
            {
                var copy = target.CreateEntry(e.FullName, CompressionLevel.Optimal);
                copy.LastWriteTime = ZipDate;
                using var from = e.Open();
                using var to = copy.Open();
                from.CopyTo(to);
            }
            var meta = target.CreateEntry(MetaEntry, CompressionLevel.Optimal);
            meta.LastWriteTime = ZipDate;
            using var m = meta.Open();
            m.Write(WriteJson(null));
        }
        return output.ToArray();
    }

    private byte[] WriteJson(SoftmaxColumnClassifier? softmax)
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
            w.WriteString("classifier", Classifier.Kind.ToString());
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
            if (softmax is not null)
            {
                var r = softmax.Regression;
                w.WriteStartArray("bias");
                foreach (var b in r.Bias) w.WriteNumberValue(b);
                w.WriteEndArray();
                w.WriteStartArray("features");
                foreach (var f in softmax.Vocabulary) w.WriteStringValue(f);
                w.WriteEndArray();
                var raw = new byte[r.Weights.Length * 2];
                for (var i = 0; i < r.Weights.Length; i++) BinaryPrimitives.WriteHalfLittleEndian(raw.AsSpan(2 * i), (Half)r.Weights[i]);
                w.WriteString("weights", Convert.ToBase64String(raw));
            }
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
