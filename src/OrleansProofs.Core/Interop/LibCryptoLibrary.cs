// SPDX-License-Identifier: MIT

using System.Reflection;
using System.Runtime.InteropServices;

namespace OrleansProofs.Core.Interop;

/// <summary>
/// Finds the system libcrypto once and resolves <see cref="Name"/> to it for every <c>LibraryImport</c>
/// in this assembly. Why imports rather than function pointers: the JIT clears the upper AVX state
/// (<c>vzeroupper</c>) before a P/Invoke but not before an unmanaged function-pointer call, and
/// OpenSSL's SHA-NI code runs legacy-SSE instructions, so through a function pointer every call paid an
/// AVX→SSE transition penalty — measured at about 2× the whole hash for protocol-sized messages.
/// </summary>
internal static class LibCryptoLibrary
{
    /// <summary>The library name the imports use; resolved here, never searched on disk.</summary>
    internal const string Name = "orleansproofs-libcrypto";

    static LibCryptoLibrary()
    {
        if (OperatingSystem.IsLinux() || OperatingSystem.IsFreeBSD())
        {
            foreach (string candidate in (ReadOnlySpan<string>)["libcrypto.so.3", "libcrypto.so.1.1", "libcrypto.so"])
            {
                if (NativeLibrary.TryLoad(candidate, out nint handle))
                {
                    Handle = handle;
                    break;
                }
            }
        }

        NativeLibrary.SetDllImportResolver(typeof(LibCryptoLibrary).Assembly, Resolve);
    }

    /// <summary>The loaded library, or zero when the platform has none.</summary>
    internal static nint Handle { get; }

    /// <summary>True when the library is loaded and exports every one of <paramref name="exports"/>.</summary>
    internal static bool HasExports(params ReadOnlySpan<string> exports)
    {
        if (Handle == 0)
        {
            return false;
        }

        foreach (string export in exports)
        {
            if (!NativeLibrary.TryGetExport(Handle, export, out _))
            {
                return false;
            }
        }

        return true;
    }

    private static nint Resolve(string libraryName, Assembly assembly, DllImportSearchPath? searchPath) =>
        libraryName == Name ? Handle : 0;
}
