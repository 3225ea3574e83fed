// SPDX-License-Identifier: MIT

using System.Runtime.InteropServices;

namespace OrleansProofs.Core.Interop;

/// <summary>
/// OpenSSL's low-level SHA-256 (<c>SHA256_Init/Update/Final</c>) from the system libcrypto.
/// Why: <see cref="System.Security.Cryptography.SHA256.HashData(ReadOnlySpan{byte}, Span{byte})"/>
/// on Linux allocates and frees an EVP context per call, which costs several times the hash
/// itself for protocol-sized (32–128 byte) messages. The low-level calls work on a caller-owned
/// context on the stack, use the same SHA-NI/AVX2 code inside OpenSSL, and need no allocation.
/// They are deprecated in OpenSSL 3 but exported; when any of them is missing we fall back to the BCL.
/// </summary>
internal static unsafe class LibCrypto
{
    /// <summary>sizeof(SHA256_CTX) is 112 bytes in OpenSSL 1.1 and 3.x; we reserve a little more.</summary>
    internal const int Sha256ContextSize = 128;

    private static readonly delegate* unmanaged[Cdecl, SuppressGCTransition]<byte*, int> InitPtr;
    private static readonly delegate* unmanaged[Cdecl, SuppressGCTransition]<byte*, byte*, nuint, int> UpdatePtr;
    private static readonly delegate* unmanaged[Cdecl, SuppressGCTransition]<byte*, byte*, int> FinalPtr;

    static LibCrypto()
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsFreeBSD())
        {
            return;
        }

        foreach (string name in (ReadOnlySpan<string>)["libcrypto.so.3", "libcrypto.so.1.1", "libcrypto.so"])
        {
            if (!NativeLibrary.TryLoad(name, out nint handle))
            {
                continue;
            }

            if (NativeLibrary.TryGetExport(handle, "SHA256_Init", out nint init) &&
                NativeLibrary.TryGetExport(handle, "SHA256_Update", out nint update) &&
                NativeLibrary.TryGetExport(handle, "SHA256_Final", out nint final))
            {
                InitPtr = (delegate* unmanaged[Cdecl, SuppressGCTransition]<byte*, int>)init;
                UpdatePtr = (delegate* unmanaged[Cdecl, SuppressGCTransition]<byte*, byte*, nuint, int>)update;
                FinalPtr = (delegate* unmanaged[Cdecl, SuppressGCTransition]<byte*, byte*, int>)final;
                IsAvailable = SelfTest();
                return;
            }
        }
    }

    /// <summary>True when the native low-level SHA-256 was found and passed its self test.</summary>
    internal static bool IsAvailable { get; }

    internal static void Init(byte* context) => InitPtr(context);

    internal static void Update(byte* context, ReadOnlySpan<byte> data)
    {
        fixed (byte* p = data)
        {
            UpdatePtr(context, p, (nuint)data.Length);
        }
    }

    internal static void Final(byte* context, Span<byte> digest)
    {
        fixed (byte* d = digest)
        {
            FinalPtr(d, context);
        }
    }

    private static bool SelfTest()
    {
        // SHA-256("abc"), FIPS 180-2 appendix B.1.
        ReadOnlySpan<byte> expected =
        [
            0xba, 0x78, 0x16, 0xbf, 0x8f, 0x01, 0xcf, 0xea, 0x41, 0x41, 0x40, 0xde, 0x5d, 0xae, 0x22, 0x23,
            0xb0, 0x03, 0x61, 0xa3, 0x96, 0x17, 0x7a, 0x9c, 0xb4, 0x10, 0xff, 0x61, 0xf2, 0x00, 0x15, 0xad,
        ];
        byte* context = stackalloc byte[Sha256ContextSize];
        Span<byte> digest = stackalloc byte[32];
        InitPtr(context);
        Update(context, "abc"u8);
        Final(context, digest);
        return digest.SequenceEqual(expected);
    }
}
