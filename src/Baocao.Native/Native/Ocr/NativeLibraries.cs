using System.Reflection;
using System.Runtime.InteropServices;

namespace Baocao.Native.Ocr;

/// <summary>
/// Resolves the short library names of the DllImports ("tesseract", "lept") to what Debian installs: the runtime
/// packages (libtesseract5, liblept5) ship only the versioned names (libtesseract.so.5, liblept.so.5); the
/// unversioned names come with the -dev packages. Registered once per assembly.
/// </summary>
internal static class NativeLibraries
{
    private static int _registered;

    private static readonly Dictionary<string, string[]> Candidates = new()
    {
        ["tesseract"] = ["libtesseract.so.5", "libtesseract.so", "tesseract"],
        ["lept"] = ["liblept.so.5", "libleptonica.so.6", "libleptonica.so", "liblept.so", "lept"],
    };

    public static void Register()
    {
        if (Interlocked.Exchange(ref _registered, 1) == 1) return;
        // Tesseract parallelises inside one page with OpenMP; with one engine per core that only adds spinning
        // threads (the CLI spends half its time in the kernel on 2 cores). libgomp reads OMP_THREAD_LIMIT when it
        // is loaded, from the native environment, which Environment.SetEnvironmentVariable does not change.
        if (Environment.GetEnvironmentVariable("OMP_THREAD_LIMIT") is null) setenv("OMP_THREAD_LIMIT", "1", 0);
        NativeLibrary.SetDllImportResolver(typeof(NativeLibraries).Assembly, Resolve);
    }

    [DllImport("libc", CharSet = CharSet.Ansi)]
    private static extern int setenv(string name, string value, int overwrite);

    private static IntPtr Resolve(string name, Assembly assembly, DllImportSearchPath? path)
    {
        if (!Candidates.TryGetValue(name, out var names)) return IntPtr.Zero;
        foreach (var n in names)
            if (NativeLibrary.TryLoad(n, assembly, path, out var handle)) return handle;
        return IntPtr.Zero;
    }

    /// <summary>True when both libraries load; the message says what to install when they don't.</summary>
    public static bool Available(out string? problem)
    {
        Register();
        foreach (var (name, pkg) in new[] { ("tesseract", "libtesseract5"), ("lept", "liblept5") })
        {
            if (Resolve(name, typeof(NativeLibraries).Assembly, null) == IntPtr.Zero)
            {
                problem = $"the OCR library lib{name} is not installed (apt-get install {pkg} tesseract-ocr-vie)";
                return false;
            }
        }
        problem = null;
        return true;
    }
}
