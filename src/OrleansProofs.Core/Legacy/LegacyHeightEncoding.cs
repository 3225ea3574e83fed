// SPDX-License-Identifier: MIT

namespace OrleansProofs.Core.Legacy;

/// <summary>
/// How a v1 file stores its initial block height at offset 184. Both exist in files users hold:
/// the prototype took the height from JavaScript as a double and one build wrote its bit pattern.
/// </summary>
public enum LegacyHeightEncoding
{
    /// <summary>A big-endian u64 (for example 12345 as <c>00 00 00 00 00 00 30 39</c>).</summary>
    UInt64,

    /// <summary>The big-endian bits of an IEEE-754 double (12345.0 as <c>40 c8 1c 80 00 00 00 00</c>).</summary>
    Float64,
}
