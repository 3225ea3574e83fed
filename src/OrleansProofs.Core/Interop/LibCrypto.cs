// SPDX-License-Identifier: MIT

using System.Runtime.CompilerServices;
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
internal static unsafe partial class LibCrypto
{
    /// <summary>sizeof(SHA256_CTX) is 112 bytes in OpenSSL 1.1 and 3.x; we reserve a little more.</summary>
    internal const int Sha256ContextSize = 128;

    static LibCrypto()
    {
        IsAvailable = LibCryptoLibrary.HasExports("SHA256_Init", "SHA256_Update", "SHA256_Final") && SelfTest();
    }

    /// <summary>True when the native low-level SHA-256 was found and passed its self test.</summary>
    internal static bool IsAvailable { get; }

    internal static void Init(byte* context) => Sha256Init(context);

    internal static void Update(byte* context, ReadOnlySpan<byte> data)
    {
        fixed (byte* p = data)
        {
            Sha256Update(context, p, (nuint)data.Length);
        }
    }

    internal static void Final(byte* context, Span<byte> digest)
    {
        fixed (byte* d = digest)
        {
            Sha256Final(d, context);
        }
    }

    // Short, non-blocking calls on caller-owned memory: safe without a GC transition.
    [LibraryImport(LibCryptoLibrary.Name, EntryPoint = "SHA256_Init")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl), typeof(CallConvSuppressGCTransition)])]
    private static partial int Sha256Init(byte* context);

    [LibraryImport(LibCryptoLibrary.Name, EntryPoint = "SHA256_Update")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl), typeof(CallConvSuppressGCTransition)])]
    private static partial int Sha256Update(byte* context, byte* data, nuint length);

    [LibraryImport(LibCryptoLibrary.Name, EntryPoint = "SHA256_Final")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl), typeof(CallConvSuppressGCTransition)])]
    private static partial int Sha256Final(byte* digest, byte* context);

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
        Sha256Init(context);
        Update(context, "abc"u8);
        Final(context, digest);
        return digest.SequenceEqual(expected);
    }
}
