using System.Text.Json;
using Baocao.Tests.Checks;
using Baocao.Tests.Index;

namespace Baocao.Tests.Review;

/// <summary>
/// <c>./baocao review list|set|confirm|undo</c> over an index of small records built in code: the queue with its cells,
/// decisions stored and listed, <c>check --all</c> re-run on them, Vietnamese first, one-line errors naming what was wrong.
/// </summary>
[Collection("console")]
public class ReviewCliTests
{
    private static (int code, string stdout, string stderr) Run(params string[] args) => CliRunner.Run(args);

    [Fact]
    public void Review_set_confirm_undo_and_list_through_the_command_line()
    {
        using var tmp = new TempIndex();
        using (var w = tmp.Write()) w.StoreAll([FindingFilterTests.Doubtful, FindingFilterTests.Wrong]);
        long id;
        using (var r = tmp.Read()) id = r.IdOf(FindingFilterTests.Doubtful.Source.Path)!.Value;
        var ids = id.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var (code, stdout, _) = Run("review", "list", "--index", tmp.Path);
        Assert.Equal(0, code);
        Assert.StartsWith("1 báo cáo cần duyệt, 0 hiệu đính đã làm", stdout);
        Assert.Contains($"./baocao review set {ids} 1 1 received.online 105", stdout);

        // errors: one line naming what was wrong, Vietnamese unless --lang en; nothing stored
        (code, _, var stderr) = Run("review", "set", ids, "1", "1", "received.onlin", "105", "--reviewer", "Lan", "--index", tmp.Path);
        Assert.Equal(2, code);
        Assert.Equal($"error: {ids}: cột 'received.onlin' không có trong dòng 1 của bảng 1 (ghi mã chuẩn như received.total, received.online, received.direct, số cột như (3), hoặc mã cột)", stderr.TrimEnd());
        (code, _, stderr) = Run("review", "set", "999", "1", "1", "(4)", "105", "--index", tmp.Path, "--lang", "en");
        Assert.Equal((2, "error: 999: report '999' is not in the index (give the document id that review list shows, or the path of an indexed file)"), (code, stderr.TrimEnd()));
        (code, _, stderr) = Run("review", "set", ids, "1", "1", "(4)", "1,05O", "--reviewer", "Lan", "--index", tmp.Path);
        Assert.Equal(2, code);
        Assert.Contains("'1,05O' không phải là số", stderr);
        Assert.Single(stderr.TrimEnd().Split('\n'));
        using (var r = tmp.Read()) Assert.Empty(r.Corrections());

        (code, stdout, _) = Run("review", "set", FindingFilterTests.Doubtful.Source.Path, "1", "Hộ tịch", "(4)", "105", "--reviewer", "Lan", "--note", "bản giấy", "--index", tmp.Path);
        Assert.Equal(0, code);
        Assert.StartsWith("đã lưu: bảng 1, dòng 1 «Hộ tịch», cột received.online: Lan sửa «95» thành 105", stdout);
        // check --all: the doubt is gone; the other report's printed error stays (exit 1)
        (code, stdout, _) = Run("check", "--all", "--format", "json", "--index", tmp.Path);
        Assert.Equal(1, code);
        using (var doc = JsonDocument.Parse(stdout))
            Assert.DoesNotContain(doc.RootElement.EnumerateArray(), f => f.GetProperty("cause").GetString() == "reading");

        (code, stdout, _) = Run("review", "list", "--json", "--index", tmp.Path);
        Assert.Equal(0, code);
        using (var doc = JsonDocument.Parse(stdout))
        {
            Assert.Equal((0, 1), (doc.RootElement.GetProperty("count").GetInt32(), doc.RootElement.GetProperty("decisions").GetInt32()));
            var d = doc.RootElement.GetProperty("reports")[0].GetProperty("decisions")[0];
            Assert.Equal(("95", 105m, "Lan", "bản giấy"), (d.GetProperty("read").GetString(), d.GetProperty("value").GetDecimal(), d.GetProperty("reviewer").GetString(), d.GetProperty("note").GetString()));
        }

        // confirmed instead: the failure is the report's error, resting on the confirmation
        (code, _, _) = Run("review", "confirm", ids, "1", "1", "received.online", "--reviewer", "Minh", "--index", tmp.Path);
        Assert.Equal(0, code);
        (_, stdout, _) = Run("check", "--all", "--cause", "report", "--severity", "error", "--index", tmp.Path);
        Assert.Contains("dựa trên hiệu đính của người duyệt: (4) «95» ✓", stdout);

        (code, stdout, _) = Run("review", "undo", ids, "1", "1", "received.online", "--index", tmp.Path, "--lang", "en");
        Assert.Equal(0, code);
        Assert.StartsWith("removed: Minh confirmed «95»", stdout);
        (code, _, stderr) = Run("review", "undo", ids, "1", "1", "received.online", "--index", tmp.Path);
        Assert.Equal(2, code);
        Assert.Contains("chưa có hiệu đính nào ở bảng 1, dòng 1", stderr);
        (_, stdout, _) = Run("review", "list", "--index", tmp.Path);
        Assert.StartsWith("1 báo cáo cần duyệt, 0 hiệu đính đã làm", stdout);
    }
}
