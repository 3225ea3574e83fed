// SPDX-License-Identifier: MIT
//  SHA-256
//      FIPS 180-4 Secure Hash Algorithm with a 256-bit digest.
//  Paths:
//      Native - OpenSSL low-level SHA256_Init/Update/Final on a stack context (Linux), no allocation.
//      Managed - System.Security.Cryptography.SHA256 (every OS); identical output, proven by tests.

using System.Buffers;
using System.Runtime.CompilerServices;
using OrleansProofs.Core.Interop;
using BclSha256 = System.Security.Cryptography.SHA256;

namespace OrleansProofs.Core.Hashing;

/// <summary>
/// SHA-256 for the protocol's many small messages. Uses the native fast path where the platform has
/// it and the BCL everywhere else; both give the same digest for every input.
/// </summary>
public static unsafe class Sha256
{
    /// <summary>Digest size in bytes.</summary>
    public const int HashSize = 32;

    /// <summary>
    /// Inputs larger than this go to the BCL: the native calls suppress the GC transition, which is
    /// only right for calls that finish in microseconds.
    /// </summary>
    private const int NativeMaxInput = 64 * 1024;

    /// <summary>True when the allocation-free native path is in use on this machine.</summary>
    public static bool IsNativeFastPath => LibCrypto.IsAvailable;

    /// <summary>Hashes <paramref name="data"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Hash32 Hash(ReadOnlySpan<byte> data)
    {
        Span<byte> digest = stackalloc byte[HashSize];
        HashCore(data, [], [], digest);
        return new Hash32(digest);
    }

    /// <summary>Hashes <paramref name="data"/> into <paramref name="destination"/> (exactly 32 bytes).</summary>
    public static void Hash(ReadOnlySpan<byte> data, Span<byte> destination)
    {
        if (destination.Length != HashSize)
        {
            throw Error.WrongLength(nameof(destination), HashSize, destination.Length);
        }

        HashCore(data, [], [], destination);
    }

    /// <summary>Hashes the concatenation <paramref name="first"/> ‖ <paramref name="second"/> without copying it.</summary>
    public static Hash32 HashConcat(ReadOnlySpan<byte> first, ReadOnlySpan<byte> second)
    {
        Span<byte> digest = stackalloc byte[HashSize];
        HashCore(first, second, [], digest);
        return new Hash32(digest);
    }

    /// <summary>Hashes the concatenation of three parts without copying it.</summary>
    public static Hash32 HashConcat(ReadOnlySpan<byte> first, ReadOnlySpan<byte> second, ReadOnlySpan<byte> third)
    {
        Span<byte> digest = stackalloc byte[HashSize];
        HashCore(first, second, third, digest);
        return new Hash32(digest);
    }

    /// <summary>The BCL path, always available; the reference the native path is tested against.</summary>
    internal static Hash32 HashManaged(ReadOnlySpan<byte> first, ReadOnlySpan<byte> second = default, ReadOnlySpan<byte> third = default)
    {
        Span<byte> digest = stackalloc byte[HashSize];
        HashManagedCore(first, second, third, digest);
        return new Hash32(digest);
    }

    /// <summary>The native path; only call when <see cref="IsNativeFastPath"/> is true.</summary>
    internal static Hash32 HashNative(ReadOnlySpan<byte> first, ReadOnlySpan<byte> second = default, ReadOnlySpan<byte> third = default)
    {
        Span<byte> digest = stackalloc byte[HashSize];
        HashNativeCore(first, second, third, digest);
        return new Hash32(digest);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void HashCore(ReadOnlySpan<byte> first, ReadOnlySpan<byte> second, ReadOnlySpan<byte> third, Span<byte> digest)
    {
        if (LibCrypto.IsAvailable && (long)first.Length + second.Length + third.Length <= NativeMaxInput)
        {
            HashNativeCore(first, second, third, digest);
        }
        else
        {
            HashManagedCore(first, second, third, digest);
        }
    }

    private static void HashNativeCore(ReadOnlySpan<byte> first, ReadOnlySpan<byte> second, ReadOnlySpan<byte> third, Span<byte> digest)
    {
        byte* context = stackalloc byte[LibCrypto.Sha256ContextSize];
        LibCrypto.Init(context);
        LibCrypto.Update(context, first);
        if (!second.IsEmpty)
        {
            LibCrypto.Update(context, second);
        }

        if (!third.IsEmpty)
        {
            LibCrypto.Update(context, third);
        }

        LibCrypto.Final(context, digest);
    }

    private static void HashManagedCore(ReadOnlySpan<byte> first, ReadOnlySpan<byte> second, ReadOnlySpan<byte> third, Span<byte> digest)
    {
        if (second.IsEmpty && third.IsEmpty)
        {
            BclSha256.HashData(first, digest);
            return;
        }

        // Concatenate: small messages on the stack, large ones in a pooled buffer.
        int length = checked(first.Length + second.Length + third.Length);
        byte[]? rented = null;
        Span<byte> buffer = length <= 1024 ? stackalloc byte[1024] : (rented = ArrayPool<byte>.Shared.Rent(length));
        first.CopyTo(buffer);
        second.CopyTo(buffer[first.Length..]);
        third.CopyTo(buffer[(first.Length + second.Length)..]);
        BclSha256.HashData(buffer[..length], digest);
        if (rented is not null)
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }
}
