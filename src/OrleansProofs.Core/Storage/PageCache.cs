// SPDX-License-Identifier: MIT

using Microsoft.Win32.SafeHandles;
using OrleansProofs.Core.Interop;

namespace OrleansProofs.Core.Storage;

/// <summary>Hints to the operating system's page cache.</summary>
public static class PageCache
{
    /// <summary>
    /// Asks the kernel to read the whole file behind <paramref name="file"/> into the page cache in the background
    /// (<c>posix_fadvise(POSIX_FADV_WILLNEED)</c>) and returns at once. Returns false where the platform has no such
    /// hint (anything but Linux) or the kernel refused it; the file reads the same either way, only slower when cold.
    /// </summary>
    public static bool TryAdviseWillNeed(SafeFileHandle file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return LibC.TryAdviseWillNeed(file);
    }
}
