using System.Globalization;
using System.IO.Compression;
using System.Text;
using Baocao.Checks;
using Baocao.Header;
using Baocao.Output;
using Baocao.Reports;
using Microsoft.Data.Sqlite;

namespace Baocao.Index;

/// <summary>
/// The embedded default engine: one SQLite file (schema in <see cref="SqliteSchema"/>), WAL journal. Each report is
/// written in one transaction, so it is indexed whole or not at all; storing a source path again replaces its report.
/// A file that is missing (when reading) or is not a baocao index is never created or overwritten: opening it fails
/// with an <see cref="IndexException"/> that says why.
/// </summary>
public sealed partial class SqliteReportIndex : IReportIndex
{
    private readonly SqliteConnection conn;
    private readonly bool readOnly;
    private readonly RowIds rowIds;
    private Writer? writer;

    public string Location { get; }

    private SqliteReportIndex(string path, SqliteConnection conn, bool readOnly)
    {
        Location = path;
        this.conn = conn;
        this.readOnly = readOnly;
        rowIds = SqliteSchema.RowIdsOf(conn);
    }

    /// <summary>Opens an existing index for searching; never creates a file.</summary>
    public static SqliteReportIndex OpenRead(string path) => Open(path, create: false, readOnly: true);

    /// <summary>Opens an index for writing, creating it (and its folder) when the file does not exist; refuses any other file.</summary>
    public static SqliteReportIndex OpenWrite(string path) => Open(path, create: true, readOnly: false);

    private static SqliteReportIndex Open(string path, bool create, bool readOnly)
    {
        if (Directory.Exists(path)) throw new IndexException(path, "is a folder, not an index file");
        var exists = File.Exists(path);
        if (!exists && !create)
            throw new IndexException(path, "no index here (create one with: ./baocao ingest PATH… --index " + path + ")");
        if (exists && new FileInfo(path).Length == 0)
            throw new IndexException(path, "not a baocao index (an empty file); it is left as it is: choose another --index or remove it");
        if (!exists)
        {
            var dir = Path.GetDirectoryName(Path.GetFullPath(path));
            if (dir is not null) Directory.CreateDirectory(dir);
        }
        var cs = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = readOnly ? SqliteOpenMode.ReadOnly : exists ? SqliteOpenMode.ReadWrite : SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
        }.ToString();
        var conn = new SqliteConnection(cs);
        try
        {
            conn.Open();
            if (exists)
            {
                Validate(conn, path);
                if (!readOnly)
                {
                    Upgrade(conn);
                    UpgradePeriodFacet(conn);
                    UpgradeMarked(conn);
                    UpgradeCopies(conn);
                    UpgradeWideRows(conn);
                    UpgradeCrossKeys(conn);
                    UpgradeCorrections(conn);
                }
            }
            else
            {
                Exec(conn, "PRAGMA journal_mode=WAL;");
                using var tx = conn.BeginTransaction();
                Exec(conn, SqliteSchema.Create(), tx);
                tx.Commit();
            }
            Exec(conn, "PRAGMA synchronous=NORMAL; PRAGMA temp_store=MEMORY; PRAGMA cache_size=-65536; PRAGMA mmap_size=1073741824;");
            return new SqliteReportIndex(path, conn, readOnly);
        }
        catch (SqliteException e)
        {
            conn.Dispose();
            throw Explain(path, e);
        }
        catch
        {
            conn.Dispose();
            throw;
        }
    }

    private static void Validate(SqliteConnection conn, string path)
    {
        using var cmd = conn.CreateCommand();
        cmd.CommandText = "SELECT count(*) FROM sqlite_master WHERE type='table' AND name='meta'";
        if (Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture) == 0)
            throw new IndexException(path, "not a baocao index (an SQLite database without baocao's tables); it is left as it is: choose another --index");
        cmd.CommandText = "SELECT key, value FROM meta";
        var meta = new Dictionary<string, string>();
        using (var r = cmd.ExecuteReader()) while (r.Read()) meta[r.GetString(0)] = r.GetString(1);
        if (meta.GetValueOrDefault("format") != SqliteSchema.Format)
            throw new IndexException(path, "not a baocao index (its meta table names another format); it is left as it is");
        if (!int.TryParse(meta.GetValueOrDefault("schema"), out var v) || v > SqliteSchema.Version)
            throw new IndexException(path, $"made by a newer baocao (index schema {meta.GetValueOrDefault("schema")}, this program reads {SqliteSchema.Version})");
    }

    private bool HasTable(string name)
    {
        using var cmd = conn.CreateCommand();
        cmd.CommandText = "SELECT count(*) FROM sqlite_master WHERE type='table' AND name=$n";
        cmd.Parameters.AddWithValue("$n", name);
        return Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture) > 0;
    }

    /// <summary>SQLite's complaint as the one-line reason a person can act on.</summary>
    internal static IndexException Explain(string path, SqliteException e) => e.SqliteErrorCode switch
    {
        26 => new IndexException(path, "not a baocao index (not an SQLite database); it is left as it is: choose another --index", e),
        11 => new IndexException(path, "the index is damaged (SQLite: database disk image is malformed); re-create it with ./baocao ingest into a new file", e),
        14 => new IndexException(path, "cannot open the index file (permission or folder problem)", e),
        5 or 6 => new IndexException(path, "the index is locked by another program; try again when it is done", e),
        8 => new IndexException(path, "the index is read-only here", e),
        _ => new IndexException(path, $"cannot use the index (SQLite: {e.Message.Split('\n')[0]})", e),
    };

    private static void Exec(SqliteConnection conn, string sql, SqliteTransaction? tx = null)
    {
        using var cmd = conn.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    /// <summary>A larger page cache for bulk loading (the bench); in MiB.</summary>
    public void SetCacheSize(int mib) => Exec(conn, $"PRAGMA cache_size=-{mib * 1024};");

    public void Dispose()
    {
        writer?.Dispose();
        try
        {
            // Fold the WAL back into the file, so the index is one file again when the program ends.
            if (!readOnly) Exec(conn, "PRAGMA wal_checkpoint(TRUNCATE);");
        }
        catch (SqliteException) { /* another reader holds it: the WAL is folded in later */ }
        conn.Dispose();
    }

    /// <summary>Valid --province values, for the message when one is not recognised.</summary>
    internal static string ProvinceList => string.Join(", ", Provinces.All);
}
