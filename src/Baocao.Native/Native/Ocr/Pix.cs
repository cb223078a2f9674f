namespace Baocao.Native.Ocr;

/// <summary>Owns one Leptonica PIX* and destroys it once.</summary>
internal sealed class Pix : IDisposable
{
    private IntPtr _handle;

    public Pix(IntPtr handle, string what)
    {
        if (handle == IntPtr.Zero) throw new OcrException($"image operation failed: {what}");
        _handle = handle;
    }

    public IntPtr Handle => _handle != IntPtr.Zero ? _handle : throw new ObjectDisposedException(nameof(Pix));
    public int Width => LeptonicaApi.pixGetWidth(Handle);
    public int Height => LeptonicaApi.pixGetHeight(Handle);

    public void Dispose()
    {
        if (_handle != IntPtr.Zero) LeptonicaApi.pixDestroy(ref _handle);
    }
}

/// <summary>A failure inside the native OCR stack, reported for the page it happened on.</summary>
public sealed class OcrException(string message) : Exception(message);
