// SPDX-License-Identifier: MIT

using System.Text.Json;
using OrleansProofs.Core.Parameters;
using OrleansProofs.Core.Protocol;

namespace OrleansProofs.Core.Legacy;

/// <summary>
/// Writes the <c>chain.json</c> of an imported chain: the registration fields of its
/// <see cref="ChainHeader"/> (plus the derived commitments), the consensus profile it was encoded
/// under, the file names, and a <c>legacy</c> object with the v1 figures. Hashes and keys are
/// lower-case hex; numbers are JSON integers (all below 2^53).
/// </summary>
internal static class LegacyImportRegistration
{
    /// <summary>Value of the <c>format</c> field.</summary>
    internal const string Format = "posc-imported-chain/v1";

    internal static void Write(
        Stream destination,
        ChainHeader header,
        LegacyImportBasis basis,
        ConsensusParameters parameters,
        string replicaFileName,
        string leafFileName)
    {
        using Utf8JsonWriter json = new(destination, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString("format", Format);
        json.WriteString("chainId", header.ChainId.ToString());
        json.WriteString("dataHash", header.DataHash.ToString());
        json.WriteString("replicaRoot", header.ReplicaRoot.ToString());
        json.WriteNumber("fileLength", header.FileLength);
        json.WriteNumber("totalChunks", header.TotalChunks);
        json.WriteNumber("encodingVersion", header.EncodingVersion);
        json.WriteNumber("workFactor", header.WorkFactor);
        json.WriteNumber("anchorHeight", header.AnchorHeight);
        json.WriteString("anchorBlockHash", header.AnchorBlockHash.ToString());
        json.WriteString("proverPublicKey", header.ProverPublicKey.ToString());
        json.WriteString("ownershipCommitment", header.OwnershipCommitment.ToString());
        json.WriteString("anchoredCommitment", header.AnchoredCommitment.ToString());
        json.WriteString("profile", parameters.Name);
        json.WriteString("parametersHash", parameters.ComputeParametersHash().ToString());
        json.WriteString("replicaFile", replicaFileName);
        json.WriteString("leafFile", leafFileName);

        json.WriteStartObject("legacy");
        json.WriteNumber("formatVersion", LegacyFormat.FormatVersion);
        json.WriteString("hashChainFile", basis.HashChainFilePath is null ? null : Path.GetFullPath(basis.HashChainFilePath));
        json.WriteString("dataFile", basis.DataFilePath);
        json.WriteString("dataFileHash", basis.DataHash.ToString());
        json.WriteString("merkleRoot", basis.MerkleRoot.ToString());
        json.WriteString("publicKey", basis.PublicKey.ToString());
        json.WriteNumber("totalChunks", basis.ChunkCount);
        json.WriteNumber("originalLength", basis.OriginalLength);
        json.WriteNumber("initialBlockHeight", basis.InitialBlockHeight);
        json.WriteString("initialBlockHash", basis.InitialBlockHash.ToString());
        json.WriteString("anchoredCommitment", basis.AnchoredCommitment.ToString());
        json.WriteNumber("verifiedCommitments", basis.CommitmentCount);
        json.WriteStartObject("lastBlock");
        json.WriteNumber("height", basis.Tip.BlockHeight);
        json.WriteString("blockHash", basis.Tip.BlockHash.ToString());
        json.WriteString("commitment", basis.Tip.Commitment.ToString());
        if (basis.Tip.RecordIndex is long index)
        {
            json.WriteNumber("recordIndex", index);
        }
        else
        {
            json.WriteNull("recordIndex");
        }

        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndObject();
        json.Flush();
    }
}
