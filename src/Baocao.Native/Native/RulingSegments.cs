using Baocao.Documents;

namespace Baocao.Native;

/// <summary>
/// Ruling lines from a page's vector paths, in device space (origin top-left, y down), whichever reader traced the
/// paths (PdfPig in-process, or mutool trace): stroked segments that run along an axis, and thin filled rectangles
/// (Word often draws borders as filled bars). Bigger filled shapes are shading, not rules.
/// </summary>
internal static class RulingSegments
{
    /// <summary>A filled path: a thin axis-aligned rectangle is a border bar; anything bigger is shading, not a rule.</summary>
    public static void AddFilled(List<RulingLine> page, IReadOnlyList<(double x, double y, bool move)> pts)
    {
        if (pts.Count < 4 || pts.Any(p => double.IsNaN(p.x))) return;
        var x0 = pts.Min(p => p.x); var x1 = pts.Max(p => p.x);
        var y0 = pts.Min(p => p.y); var y1 = pts.Max(p => p.y);
        if (y1 - y0 <= 2.5 && x1 - x0 > 2.5) page.Add(new RulingLine(x0, (y0 + y1) / 2, x1, (y0 + y1) / 2));
        else if (x1 - x0 <= 2.5 && y1 - y0 > 2.5) page.Add(new RulingLine((x0 + x1) / 2, y0, (x0 + x1) / 2, y1));
    }

    /// <summary>A stroked segment that runs along an axis (within 0.8 pt) and is longer than 1 pt.</summary>
    public static void AddIfAxisAligned(List<RulingLine> page, double ax, double ay, double bx, double by)
    {
        if (Math.Abs(ay - by) < 0.8 && Math.Abs(ax - bx) > 1)
            page.Add(new RulingLine(Math.Min(ax, bx), (ay + by) / 2, Math.Max(ax, bx), (ay + by) / 2));
        else if (Math.Abs(ax - bx) < 0.8 && Math.Abs(ay - by) > 1)
            page.Add(new RulingLine((ax + bx) / 2, Math.Min(ay, by), (ax + bx) / 2, Math.Max(ay, by)));
    }
}
