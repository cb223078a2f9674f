using Baocao.Tables;
using Baocao.Text;

namespace Baocao.Readers;

/// <summary>
/// Word documents lay out the header (agency | national motto) and the signature block (Nơi nhận | signer) with
/// borderless two-column tables. Those are not data tables: their cells are read as text blocks instead.
/// </summary>
public static class LayoutTables
{
    private static readonly string[] Markers = ["cong hoa xa hoi", "doc lap - tu do", "noi nhan", "so:", "kinh gui"];

    public static bool IsLayoutTable(CellGrid grid)
    {
        if (grid.Cols > 3 || grid.Rows > 10) return false;
        var text = VietText.Fold(string.Join(" ", grid.Cells.Select(c => c.Text)));
        return Markers.Any(text.Contains);
    }
}
