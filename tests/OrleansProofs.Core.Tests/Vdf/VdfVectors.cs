// SPDX-License-Identifier: MIT

using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Signatures;
using OrleansProofs.Core.Vdf;

namespace OrleansProofs.Core.Tests.Vdf;

/// <summary>The docs/protocol.md §6 §9 test vectors, shared by the VDF test classes.</summary>
internal static class VdfVectors
{
    // Vector inputs: seed = 00 01 … 1f, 1 MiB buffer; RFC 8032 §7.1 TEST 2 key for signatures; root = 0x11 × 32.
    internal const string Seed = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";
    internal const string InitialState = "e1858d89fe880b3e66157c1a6d9a0a111e90b3d98061056685b273bda29a6bd3";
    internal const string AfterOneIteration = "62bb1363e58cc2d47d3e147abbcef53d6459873ec26f0f67000e068dad4d9ee0";
    internal const string After1000Iterations = "9283f5d6d9095b5c32185582780b04b92205a409bd52d44ec9c49a0d110f6f10";
    internal const string AbsorbInitialStateAt1000 = "7e2790c01b9e215dbac2f3d39768acbeef45c404ccb6f28239aee6d5f6487cd0";
    internal const string DeriveSeedRfcKeyZeroInput = "4342f9df5c192fc894d6184fb2ced684467571bbcd640b032ac8ef1ce744aa69";

    // Evaluate(1000 iterations, interval 400): two checkpoints, three segments.
    internal const string ProofEncoding =
        "0114000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f00000000000003e8000000000000019000000002" +
        "424ecfbf2a67c3ca77d7676b94f938009f3d0ca67a0d2e800841d9e8a877d827" +
        "6c47f700ddefcc27fe4df1c8ab9dd8cb4aa7b7a8830295dbc93488644d74fff4" +
        "9283f5d6d9095b5c32185582780b04b92205a409bd52d44ec9c49a0d110f6f10";
    internal const string ProofHash = "dd40dd3c921f5411965efbb6be5ff7bf4e46b995765f208fb5f4c4ebc42493b7";
    internal const string ProofSignature = "24f7c5579ecc14f49372e8161aece3d606bde67f0ec409ec3cff64f2bf837d8983debad9978df4d24d4cda73a1804e6c6f279b4e5a1911bc1d68616a60cd590a";

    // ContinuousVdf.Start(interval 1000), Absorb(root), Advance(1000): genesis and checkpoint 1.
    internal const string GenesisCheckpoint =
        "0114000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f" + "0000000000000000" +
        "0000000000000000000000000000000000000000000000000000000000000000" + "00000000" + "0000000000000000" +
        "e1858d89fe880b3e66157c1a6d9a0a111e90b3d98061056685b273bda29a6bd3" + "00000000" +
        "8e295512e43e6f9a3a4987b32333f48272d9d96b36935470ebb71daff8a459c9484f82cbc1a9ec1aee1860a181d01922c17d03d16d6a4c7159531b303bbbe90c";
    internal const string GenesisCheckpointHash = "666f824c907fe9484c5c82a25da94a9635c4051aeb07ecd0ae1b7317a525f2b5";
    internal const string Checkpoint1 =
        "0114000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f" + "0000000000000001" +
        "666f824c907fe9484c5c82a25da94a9635c4051aeb07ecd0ae1b7317a525f2b5" + "00000000" + "00000000000003e8" +
        "ef594710e48935b252d16155f1a7fb7c0bc3c3774247acd0d00880183e3e5f11" + "00000001" +
        "00000000000003e8" + "1111111111111111111111111111111111111111111111111111111111111111" +
        "7cc720f509ae35483f2cc8a4d9557518ee0148758613606b157af3b54a7ceeb5c8345825ac13a3a4b56d1cd95283428086ef1d5943b970c3710b27095d60180c";
    internal const string Checkpoint1Hash = "46c839b93621d3f5422c2da14c8dd9ff3dc5063b7b01c42adfdeddc56d8da787";

    internal const string RfcPrivateKey = "4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb";

    private static readonly Lazy<VdfBuffer> OneMiB = new(() => VdfBuffer.Create(Hash32.Parse(Seed), 1 << 20));

    /// <summary>The 1 MiB vector buffer, built once per test run.</summary>
    internal static VdfBuffer Buffer => OneMiB.Value;

    internal static Hash32 Root => new(Enumerable.Repeat((byte)0x11, 32).ToArray());

    internal static NodeKey Key() => NodeKey.FromPrivateKey(Convert.FromHexString(RfcPrivateKey));
}
