// SPDX-License-Identifier: MIT
//  SHA-256 compression function (one 64-byte block)
//      OpenSSL SHA256_Transform(SHA256_CTX*, const unsigned char* block): runs the compression
//      function of FIPS 180-4 §6.2.2 once on the chaining value held in the first 32 bytes of the
//      context (eight native-endian u32 words, h0..h7) and the given 64-byte block.
//  Why:
//      The hierarchy's iterated hash hashes a 48-byte message 16,000 times per block. A 48-byte
//      message is exactly one padded block, so each step is one compression from the standard IV;
//      calling it directly costs one native call instead of Init/Update/Final's three, and skips
//      OpenSSL's buffering and padding logic.

using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace OrleansProofs.Core.Interop;

/// <summary>
/// Access to OpenSSL's single-block SHA-256 compression (<c>SHA256_Transform</c>) from the system
/// libcrypto. Available only when the export exists and a known-answer self test passes (which also
/// proves the chaining value sits at the start of the context); callers fall back otherwise.
/// </summary>
internal static unsafe partial class LibCryptoBlock
{
    /// <summary>The context handed to OpenSSL; only its first 32 bytes (h0..h7) are read and written.</summary>
    internal const int ContextSize = LibCrypto.Sha256ContextSize;

    static LibCryptoBlock()
    {
        IsAvailable = LibCryptoLibrary.HasExports("SHA256_Transform") && SelfTest();
    }

    /// <summary>True when <see cref="Transform"/> may be called.</summary>
    internal static bool IsAvailable { get; }

    /// <summary>
    /// Compresses one 64-byte <paramref name="block"/> into the chaining value at the start of
    /// <paramref name="context"/> (eight native-endian u32 words).
    /// </summary>
    internal static void Transform(byte* context, byte* block) => Sha256Transform(context, block);

    [LibraryImport(LibCryptoLibrary.Name, EntryPoint = "SHA256_Transform")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl), typeof(CallConvSuppressGCTransition)])]
    private static partial void Sha256Transform(byte* context, byte* block);

    private static bool SelfTest()
    {
        // SHA-256("abc") as one hand-padded block, FIPS 180-2 appendix B.1.
        ReadOnlySpan<uint> expected =
        [
            0xba7816bf, 0x8f01cfea, 0x414140de, 0x5dae2223, 0xb00361a3, 0x96177a9c, 0xb410ff61, 0xf20015ad,
        ];
        byte* context = stackalloc byte[ContextSize];
        new Span<byte>(context, ContextSize).Clear();
        Sha256InitialValue.CopyTo(new Span<uint>(context, 8));
        byte* block = stackalloc byte[64];
        Span<byte> blockSpan = new(block, 64);
        blockSpan.Clear();
        "abc"u8.CopyTo(blockSpan);
        block[3] = 0x80;
        block[63] = 24;
        Sha256Transform(context, block);
        return new ReadOnlySpan<uint>(context, 8).SequenceEqual(expected);
    }

    /// <summary>The SHA-256 initial hash value H(0), FIPS 180-4 §5.3.3.</summary>
    internal static ReadOnlySpan<uint> Sha256InitialValue =>
    [
        0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
    ];
}
