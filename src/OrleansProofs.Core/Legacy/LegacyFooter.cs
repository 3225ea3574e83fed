// SPDX-License-Identifier: MIT

namespace OrleansProofs.Core.Legacy;

/// <summary>The 12-byte footer of a v1 <c>.hashchain</c> file: <c>be64(total file size) ‖ be32(fixed CRC value 0xDEADBEEF)</c>.</summary>
/// <param name="TotalSize">The file size the footer declares, footer included.</param>
/// <param name="Crc">The CRC field; v1 always wrote the fixed value <see cref="LegacyFormat.FooterFixedCrc"/>.</param>
/// <param name="Offset">Byte offset of the footer in the file.</param>
public sealed record LegacyFooter(ulong TotalSize, uint Crc, long Offset);
