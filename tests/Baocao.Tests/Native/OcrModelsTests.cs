using Baocao.Native.Ocr;

namespace Baocao.Tests.Native;

/// <summary>Which Tesseract models a worker reads with, by what is installed (the files only: no engine is started).</summary>
public class OcrModelsTests
{
    private static string Tessdata(params string[] models)
    {
        var dir = Directory.CreateTempSubdirectory("baocao-tessdata").FullName;
        foreach (var m in models) File.WriteAllBytes(Path.Combine(dir, m + ".traineddata"), [0]);
        return dir;
    }

    [Fact]
    public void With_every_model_cells_are_read_by_both_vietnamese_models_pages_by_vie_and_figures_by_english()
    {
        var dir = Tessdata("vie", "Vietnamese", "eng");
        try { Assert.Equal(new OcrModels("Vietnamese+vie", "vie", "eng"), OcrModels.Installed(dir)); }
        finally { Directory.Delete(dir, true); }
    }

    [Fact]
    public void Without_the_optional_models_everything_is_read_by_vie()
    {
        var dir = Tessdata("vie");
        try { Assert.Equal(new OcrModels("vie", "vie", "vie"), OcrModels.Installed(dir)); }
        finally { Directory.Delete(dir, true); }
    }

    [Fact]
    public void Without_the_english_model_figures_fall_back_to_vie_but_text_keeps_the_script_model()
    {
        var dir = Tessdata("vie", "Vietnamese");
        try { Assert.Equal(new OcrModels("Vietnamese+vie", "vie", "vie"), OcrModels.Installed(dir)); }
        finally { Directory.Delete(dir, true); }
    }
}
