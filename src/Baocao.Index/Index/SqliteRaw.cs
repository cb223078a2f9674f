using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Baocao.Index;

/// <summary>
/// Long scans through SQLite's own API, for the loops that read one or a few integers from each of tens of thousands of
/// rows (ids from the text index, a report's columns). Microsoft.Data.Sqlite's reader costs about 0.2 µs per value read
/// (a type check and conversions each time): 150 ms for the facet columns of 100,000 reports, where the raw calls take
/// a tenth of that. Everything else goes through Microsoft.Data.Sqlite.
/// </summary>
internal static class SqliteRaw
{
    /// <summary>Runs <paramref name="sql"/> with its named arguments, calling <paramref name="row"/> on each row (a NULL column reads as 0).</summary>
    public static void Each(SqliteConnection conn, string sql, IEnumerable<(string Name, object Value)> args, Action<sqlite3_stmt> row)
    {
        var db = conn.Handle ?? throw new InvalidOperationException("the connection is not open");
        if (raw.sqlite3_prepare_v2(db, sql, out var st) != raw.SQLITE_OK) throw Error(db, raw.sqlite3_errcode(db));
        using (st)
        {
            foreach (var (name, value) in args)
            {
                var i = raw.sqlite3_bind_parameter_index(st, name);
                if (i == 0) continue;   // not used by this statement
                var rc = value switch
                {
                    long l => raw.sqlite3_bind_int64(st, i, l),
                    int n => raw.sqlite3_bind_int64(st, i, n),
                    double d => raw.sqlite3_bind_double(st, i, d),
                    string s => raw.sqlite3_bind_text(st, i, s),
                    _ => throw new ArgumentException($"cannot bind {value.GetType().Name} to {name}"),
                };
                if (rc != raw.SQLITE_OK) throw Error(db, rc);
            }
            int step;
            while ((step = raw.sqlite3_step(st)) == raw.SQLITE_ROW) row(st);
            if (step != raw.SQLITE_DONE) throw Error(db, step);
        }
    }

    /// <summary>SQLite's error as Microsoft.Data.Sqlite reports it, so callers explain it the same way.</summary>
    private static SqliteException Error(sqlite3 db, int rc) =>
        new(raw.sqlite3_errmsg(db).utf8_to_string(), rc, raw.sqlite3_extended_errcode(db));
}
