using System.Globalization;
using Baocao.Reports;
using Microsoft.Data.Sqlite;

namespace Baocao.Index;

/// <summary>
/// The reviewers' decisions (schema 7, <see cref="SqliteSchema.CorrectionsTable"/>): stored beside the readings, keyed by
/// the file's content hash, so storing a report again (a re-ingest, a re-extraction) never touches them.
/// </summary>
public sealed partial class SqliteReportIndex
{
    public IReadOnlyList<Correction> Corrections(string? sha256 = null)
    {
        if (!HasTable("corrections")) return [];
        using var cmd = conn.CreateCommand();
        cmd.CommandText = "SELECT sha256, table_idx, row_idx, column_id, key, row_label, read_raw, read_value, value, reviewer, at, note FROM corrections" +
                          (sha256 is null ? "" : " WHERE sha256 = $s") + " ORDER BY sha256, table_idx, row_idx, column_id";
        if (sha256 is not null) cmd.Parameters.AddWithValue("$s", sha256.ToLowerInvariant());
        var list = new List<Correction>();
        try
        {
            using var r = cmd.ExecuteReader();
            string? S(int i) => r.IsDBNull(i) ? null : r.GetString(i);
            decimal? D(int i) => r.IsDBNull(i) ? null : decimal.Parse(r.GetString(i), NumberStyles.Number, CultureInfo.InvariantCulture);
            while (r.Read())
                list.Add(new Correction(r.GetString(0), r.GetInt32(1), r.GetInt32(2), r.GetString(3), S(4), S(5), r.GetString(6), D(7), D(8), r.GetString(9), r.GetString(10), S(11)));
        }
        catch (SqliteException e) { throw Explain(Location, e); }
        return list;
    }

    public void SaveCorrection(Correction c)
    {
        if (readOnly) throw new IndexException(Location, "opened for reading only");
        using var cmd = conn.CreateCommand();
        cmd.CommandText = """
            INSERT OR REPLACE INTO corrections(sha256, table_idx, row_idx, column_id, key, row_label, read_raw, read_value, value, reviewer, at, note)
            VALUES ($s, $t, $r, $c, $k, $l, $raw, $rv, $v, $who, $at, $note)
            """;
        static object Db(object? v) => v ?? DBNull.Value;
        static object Dec(decimal? v) => v is { } d ? d.ToString(CultureInfo.InvariantCulture) : DBNull.Value;
        cmd.Parameters.AddWithValue("$s", c.Sha256.ToLowerInvariant());
        cmd.Parameters.AddWithValue("$t", c.Table);
        cmd.Parameters.AddWithValue("$r", c.Row);
        cmd.Parameters.AddWithValue("$c", c.Column);
        cmd.Parameters.AddWithValue("$k", Db(c.Key));
        cmd.Parameters.AddWithValue("$l", Db(c.RowLabel));
        cmd.Parameters.AddWithValue("$raw", c.Read);
        cmd.Parameters.AddWithValue("$rv", Dec(c.ReadValue));
        cmd.Parameters.AddWithValue("$v", Dec(c.Value));
        cmd.Parameters.AddWithValue("$who", c.Reviewer);
        cmd.Parameters.AddWithValue("$at", c.At);
        cmd.Parameters.AddWithValue("$note", Db(c.Note));
        try { cmd.ExecuteNonQuery(); }
        catch (SqliteException e) { throw Explain(Location, e); }
    }

    public bool RemoveCorrection(string sha256, int table, int row, string column)
    {
        if (readOnly) throw new IndexException(Location, "opened for reading only");
        using var cmd = conn.CreateCommand();
        cmd.CommandText = "DELETE FROM corrections WHERE sha256 = $s AND table_idx = $t AND row_idx = $r AND column_id = $c";
        cmd.Parameters.AddWithValue("$s", sha256.ToLowerInvariant());
        cmd.Parameters.AddWithValue("$t", table);
        cmd.Parameters.AddWithValue("$r", row);
        cmd.Parameters.AddWithValue("$c", column);
        try { return cmd.ExecuteNonQuery() > 0; }
        catch (SqliteException e) { throw Explain(Location, e); }
    }
}
