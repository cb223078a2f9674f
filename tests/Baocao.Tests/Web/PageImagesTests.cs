using Baocao.Index;
using Baocao.Native;
using Baocao.Readers;
using Baocao.Web;

namespace Baocao.Tests.Web;

/// <summary>Source page images: rendered once from the data folder's copy into its cache; every failure a clear status.</summary>
public class PageImagesTests
{
    private sealed class FakeRenderer(bool fail = false) : IPageRenderer
    {
        public List<(string pdf, int page, int dpi, string png)> Calls { get; } = [];

        public void RenderPng(string pdfPath, int page, int dpi, string pngPath)
        {
            Calls.Add((pdfPath, page, dpi, pngPath));
            if (fail) throw new BadInputException(pdfPath, "pdftoppm did not finish page 1 within 30 s");
            File.WriteAllBytes(pngPath, [0x89, (byte)'P', (byte)'N', (byte)'G']);
        }
    }

    [Fact]
    public async Task A_page_is_rendered_once_into_the_cache_and_refusals_carry_their_status()
    {
        var dir = Directory.CreateTempSubdirectory("baocao-pages").FullName;
        try
        {
            var src = Path.Combine(dir, "in.pdf");
            File.WriteAllText(src, "%PDF-1.4");
            var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(src)));
            var store = new SourceStore(dir);
            store.Keep(src, sha);
            var renderer = new FakeRenderer();
            var images = new PageImages(store, dir, renderer, 150);

            var png = await images.PageAsync(sha, 2, 3);
            Assert.Equal(Path.Combine(dir, "pages", $"{sha}-2-150.png"), png);
            Assert.Equal(png, await images.PageAsync(sha, 2, 3));
            var call = Assert.Single(renderer.Calls);
            Assert.Equal((Path.Combine(dir, "sources", sha + ".pdf"), 2, 150), (call.pdf, call.page, call.dpi));

            Assert.Equal(404, (await Assert.ThrowsAsync<HttpError>(() => images.PageAsync(sha, 4, 3))).Status);
            Assert.Equal(404, (await Assert.ThrowsAsync<HttpError>(() => images.PageAsync(sha, 0, 3))).Status);
            Assert.Equal(404, (await Assert.ThrowsAsync<HttpError>(() => images.PageAsync(new string('e', 64), 1, 3))).Status);
            Assert.Single(renderer.Calls);

            var failing = new PageImages(store, dir, new FakeRenderer(fail: true), 72);
            var e = await Assert.ThrowsAsync<HttpError>(() => failing.PageAsync(sha, 1, 3));
            Assert.Equal(422, e.Status);
            Assert.Contains("did not finish", e.Message);
            Assert.False(File.Exists(Path.Combine(dir, "pages", $"{sha}-1-72.png")));
        }
        finally { Directory.Delete(dir, true); }
    }

    [Fact]
    public void Poppler_renders_a_real_page_to_png()
    {
        var pdf = Path.Combine(Corpus.CorpusTests.CorpusDir, "14-skhdt-vinhlong-q1-2022.pdf");
        var dir = Directory.CreateTempSubdirectory("baocao-render").FullName;
        try
        {
            var png = Path.Combine(dir, "p.png");
            new PopplerPageRenderer().RenderPng(pdf, 2, 50, png);
            var bytes = File.ReadAllBytes(png);
            Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], bytes[..4]);
            // IHDR: width and height, big-endian; an A4 page at 50 dpi is about 413 × 585 (or turned, for a landscape table).
            var w = System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16, 4));
            var h = System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20, 4));
            Assert.InRange(Math.Min(w, h), 400, 420);
            Assert.InRange(Math.Max(w, h), 575, 595);
            Assert.Single(Directory.GetFiles(dir));
            Assert.Throws<BadInputException>(() => new PopplerPageRenderer().RenderPng(pdf, 99, 50, Path.Combine(dir, "q.png")));
            Assert.Single(Directory.GetFiles(dir));
        }
        finally { Directory.Delete(dir, true); }
    }
}
