using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace Baocao.Web;

/// <summary>
/// Page building. Every piece of document text goes through <see cref="E"/> (HTML-encoded: &lt; &gt; &amp; " ' and
/// controls; Vietnamese letters stay readable), so a report can never inject markup into a page. Pure.
/// </summary>
public static class Html
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    /// <summary>Text as HTML, encoded.</summary>
    public static string E(string? text) => text is null ? "" : Encoder.Encode(text);

    /// <summary>A highlight («…» marks the query's words) as HTML: the text encoded, then each «…» as &lt;mark&gt;.</summary>
    public static string Marked(string? text)
    {
        var e = E(text);
        var sb = new StringBuilder(e.Length + 16);
        var open = false;
        foreach (var c in e)
        {
            if (c == '«' && !open) { sb.Append("<mark>"); open = true; }
            else if (c == '»' && open) { sb.Append("</mark>"); open = false; }
            else sb.Append(c);
        }
        if (open) sb.Append("</mark>");
        return sb.ToString();
    }

    /// <summary>A number as printed in Vietnamese ("5.661", "68,75"): thousands grouped by ".", "," as the decimal mark.</summary>
    public static string Num(decimal? v) => v is { } x ? x.ToString("#,##0.##########", Vi) : "";

    /// <summary>The Vietnamese number convention, set by hand (the machine may run without ICU culture data).</summary>
    public static readonly NumberFormatInfo Vi = new() { NumberGroupSeparator = ".", NumberDecimalSeparator = ",", NegativeSign = "-" };

    /// <summary>An attribute value, encoded.</summary>
    public static string A(string? value) => E(value);

    /// <summary>The page around a body: the navigation, the style sheet and the script (served by this program, no CDN).</summary>
    public static string Page(string title, string body, string? script = "app.js") => $$"""
        <!DOCTYPE html>
        <html lang="vi">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{E(title)}} · baocao</title>
        <link rel="stylesheet" href="/static/app.css">
        {{(script is null ? "" : $"<script src=\"/static/{script}\" defer></script>")}}
        </head>
        <body>
        <header class="top"><a class="brand" href="/">baocao</a><nav><a href="/">Tìm kiếm</a> <a href="/charts">Biểu đồ</a> <a href="/checks">Kiểm tra</a> <a href="/review">Duyệt</a></nav></header>
        <main>
        {{body}}
        </main>
        </body>
        </html>
        """;

    /// <summary>A refusal as a page: the status and the one-line reason, nothing else (never a stack trace).</summary>
    public static string ErrorPage(int status, string message) =>
        Page($"{status}", $"<h1>{status}</h1><p class=\"error\" id=\"error\">{E(message)}</p><p><a href=\"/\">Về trang tìm kiếm</a></p>", script: null);
}
