// SPDX-License-Identifier: MIT

namespace OrleansProofs.Core.Tests.Checkpoints;

/// <summary>
/// The vectors of docs/protocol.md §10 (development beacon) and §11 (layer-1 checkpoint), for the key
/// whose private seed is the bytes 0x00..0x1f. ProtocolDocumentTests checks the document states them.
/// </summary>
internal static class LayerOneVectors
{
    /// <summary>The public key of the seed 0x00..0x1f.</summary>
    public const string PublicKey = "03a107bff3ce10be1d70dd18e74bc09967e4d6309ba50d5f1ddc8664125531b8";

    /// <summary>The beacon message for height 42.</summary>
    public const string BeaconMessage42 = "478215e05172d3d30d975c222d0284f240264a59e4dcacfce329efdcf4ba8fe9";

    /// <summary>The beacon proof for height 42.</summary>
    public const string BeaconProof42 = "4bcc51f654fe2ab0f4262b875b3865a705d70cb116d8eb7caeba6474443a46abc4ad448724c3d69b454e2635042f5b0a24639ce0b2fc0493addd56d52c14b10b";

    /// <summary>The beacon value for height 42.</summary>
    public const string BeaconValue42 = "a71d537a6e16348074f27b0ddcd7d1b848d8397f7f6b810d414e2ece48e7d118";

    /// <summary>The sample checkpoint (ProverCheckpointTests.Sample), signed.</summary>
    public const string Checkpoint225 =
        "0103a107bff3ce10be1d70dd18e74bc09967e4d6309ba50d5f1ddc8664125531b800000000000000e1613ae1acd3d66a387c7f3c50201e56dc54b2bf42d60b965dd6"
        + "187d2fdf2c2902f3d5bf215f8d80c75f31dbf586cae43ae313693d516cc30f3e9baa58f1fcc22300000000000000030000000000225510d63a91df09055dc63c81"
        + "0c1b59ba6ab330afc84df0e4c4a8d556f0fe4b16c74512636865636b706f696e742f6465762f32323533cfe11f4fea26c1f784e9b503e4ca54b9b40b221315eb"
        + "b02a0db6744a85b9022857c23408f48cccd0fb0ba0941f1af8c63e75aab8745accd1003d5780725408";
}
