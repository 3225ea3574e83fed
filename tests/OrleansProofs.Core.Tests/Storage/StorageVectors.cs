// SPDX-License-Identifier: MIT

namespace OrleansProofs.Core.Tests.Storage;

/// <summary>
/// The test vectors of docs/protocol.md §3: the 5,000-byte pattern (byte k = k mod 251) under
/// the public key 00 01 02 … 1f. Change one only together with the document.
/// </summary>
internal static class StorageVectors
{
    public const string DataHash = "b53835ac2b510a628b0f589c771b69861759badc6c31b05fac40f911f0d3aee8";

    public const string KeyW16 = "216db31db46f934f57351c30222ba17b89badf8269074c3e68013c1292f4db19";
    public const string RootW16 = "2777c5491fac7eee733f8dd90d1a5f6a0cc9adba88389ba88580199841c0b098";
    public const string Leaf0W16 = "5a813f124bb23d44c400742bf581878fa0f0e0aedb5c2e95436c88ec8f8ea41f";
    public const string Leaf1W16 = "931368f7309ba54aedcab2710e3074b8e174cded6736bd800ec8d5e4cfc0f014";
    public const string Stored0PrefixW16 = "5a9aaccc7aef9155f8d613c98ef61c26ac0089c2d38db3b906e5e13703ed2e9c";

    public const string KeyW1024 = "c821308d3e576226ed0c135c8e5e22b2c66f83f50b23215761d902b41c87d2d3";
    public const string RootW1024 = "de7a17cb3963b66b8a3023e20195415ce0c4541edd2bf21b9e109abbe8c10d5e";
    public const string Leaf0W1024 = "3df4cc85436fd6c5a2d27fedcfcce787d8a5cbe4f35ef7f533186d0e4b926476";

    public static byte[] PublicKey() => Enumerable.Range(0, 32).Select(i => (byte)i).ToArray();
}
