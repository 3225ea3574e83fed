// SPDX-License-Identifier: MIT

namespace OrleansProofs.Core.Tests.Storage;

/// <summary>
/// The test vectors of docs/protocol/storage.md: the 5,000-byte pattern (byte k = k mod 251) under
/// the public key 00 01 02 … 1f. Change one only together with the document.
/// </summary>
internal static class StorageVectors
{
    public const string DataHash = "b53835ac2b510a628b0f589c771b69861759badc6c31b05fac40f911f0d3aee8";

    public const string KeyW16 = "216db31db46f934f57351c30222ba17b89badf8269074c3e68013c1292f4db19";
    public const string RootW16 = "0ae427706226e4e486706993cb0ded9cd1ce0ebcf9d3049b144770991a8a1a5f";
    public const string Leaf0W16 = "cf547e01bf76b01bfaea3eee4f51b9d1609dc8d3e35c73b38fb9a7b873a4a0f9";
    public const string Leaf1W16 = "2a657201fba463a42d70e156527e6ef656d4fe92fa2fcd605ee522f2ffb38596";
    public const string Stored0PrefixW16 = "a323f685f72929b2f121e1316c1660dc7f51c68c799ef8fd0661a1a0d5795e93";

    public const string KeyW1024 = "c821308d3e576226ed0c135c8e5e22b2c66f83f50b23215761d902b41c87d2d3";
    public const string RootW1024 = "66358d1cf455964bcc27d7b48b1d631e20a6805db30c4c3313ceb6e536b95690";
    public const string Leaf0W1024 = "ff3511cfd943286284b155564a2dedbc9fd74a31bbddc731a8feac014dc41416";

    public static byte[] PublicKey() => Enumerable.Range(0, 32).Select(i => (byte)i).ToArray();
}
