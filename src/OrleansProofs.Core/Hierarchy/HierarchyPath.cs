// SPDX-License-Identifier: MIT

using OrleansProofs.Core.Encoding;
using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Merkle;

namespace OrleansProofs.Core.Hierarchy;

/// <summary>
/// Inclusion proof of one chain's leaf in one block's global root: the chain's position and
/// Merkle path inside its group, the group's inside its region, the region's inside the global
/// tree, and the block fields the seeds need. Chain id, height and commitment come from the
/// verifier's side (<see cref="HierarchyPathVerifier"/>); iteration counts and capacities from
/// <see cref="HierarchyParameters"/>.
/// <para>
/// Encoding (version 1, big-endian, fixed-width fields; docs/protocol.md §5):
/// <c>u8 version ‖ u64 height ‖ block_hash(32) ‖ previous_global_root(32) ‖ u64 total_chains ‖
/// u32 member_count ‖ u32 leaf_index ‖ u8 n₁ ‖ n₁×32 member_path ‖
/// u32 group_id ‖ u32 group_count ‖ u32 group_index ‖ u8 n₂ ‖ n₂×32 group_path ‖
/// u32 region_id ‖ u32 region_count ‖ u32 region_index ‖ u8 n₃ ‖ n₃×32 region_path</c>,
/// where each nᵢ must equal <see cref="MerkleTree.PathLength"/>(index, count).
/// </para>
/// </summary>
public sealed class HierarchyPath
{
    /// <summary>The encoding version this type writes and the only one it reads.</summary>
    public const byte Version = 1;

    /// <summary>Encoded size without path siblings.</summary>
    public const int FixedEncodedSize = 1 + 8 + Hash32.Size + Hash32.Size + 8 + (4 + 4 + 1) + (4 + 4 + 4 + 1) + (4 + 4 + 4 + 1);

    /// <summary>Most siblings a path level has (a tree of up to 2^32 − 1 leaves).</summary>
    public const int MaxSiblingsPerLevel = 32;

    /// <summary>Largest valid encoding; longer input is rejected before parsing.</summary>
    public const int MaxEncodedSize = FixedEncodedSize + 3 * MaxSiblingsPerLevel * Hash32.Size;

    private readonly Hash32[] _memberPath;
    private readonly Hash32[] _groupPath;
    private readonly Hash32[] _regionPath;

    /// <summary>Creates a path; every count must be at least 1, every index below its count and every path exactly as long as its (index, count) requires.</summary>
    /// <exception cref="ArgumentException">A field breaks one of those rules (the exception names it).</exception>
    public HierarchyPath(
        ulong height,
        Hash32 blockHash,
        Hash32 previousGlobalRoot,
        ulong totalChains,
        uint memberCount,
        uint leafIndex,
        ReadOnlySpan<Hash32> memberPath,
        uint groupId,
        uint groupCount,
        uint groupIndex,
        ReadOnlySpan<Hash32> groupPath,
        uint regionId,
        uint regionCount,
        uint regionIndex,
        ReadOnlySpan<Hash32> regionPath)
    {
        ValidateLevel(memberCount, leafIndex, memberPath.Length, nameof(memberCount), nameof(leafIndex), nameof(memberPath));
        ValidateLevel(groupCount, groupIndex, groupPath.Length, nameof(groupCount), nameof(groupIndex), nameof(groupPath));
        ValidateLevel(regionCount, regionIndex, regionPath.Length, nameof(regionCount), nameof(regionIndex), nameof(regionPath));
        Height = height;
        BlockHash = blockHash;
        PreviousGlobalRoot = previousGlobalRoot;
        TotalChains = totalChains;
        MemberCount = memberCount;
        LeafIndex = leafIndex;
        _memberPath = memberPath.ToArray();
        GroupId = groupId;
        GroupCount = groupCount;
        GroupIndex = groupIndex;
        _groupPath = groupPath.ToArray();
        RegionId = regionId;
        RegionCount = regionCount;
        RegionIndex = regionIndex;
        _regionPath = regionPath.ToArray();
    }

    /// <summary>Block height the path is for.</summary>
    public ulong Height { get; }

    /// <summary>The layer-1 block hash (in the global seed).</summary>
    public Hash32 BlockHash { get; }

    /// <summary>The previously published global root, zero for the first (in the global seed).</summary>
    public Hash32 PreviousGlobalRoot { get; }

    /// <summary>Chains covered by the block's global root (in the global seed).</summary>
    public ulong TotalChains { get; }

    /// <summary>Members of the chain's group at the block (in the group seed).</summary>
    public uint MemberCount { get; }

    /// <summary>The chain leaf's index among its group's members sorted by chain id.</summary>
    public uint LeafIndex { get; }

    /// <summary>Merkle siblings of the chain leaf inside its group, bottom-up.</summary>
    public ReadOnlySpan<Hash32> MemberPath => _memberPath;

    /// <summary>The chain's group.</summary>
    public uint GroupId { get; }

    /// <summary>Non-empty groups in the region at the block (in the region seed).</summary>
    public uint GroupCount { get; }

    /// <summary>The group's index among its region's groups sorted by id.</summary>
    public uint GroupIndex { get; }

    /// <summary>Merkle siblings of the group root inside its region, bottom-up.</summary>
    public ReadOnlySpan<Hash32> GroupPath => _groupPath;

    /// <summary>The group's region.</summary>
    public uint RegionId { get; }

    /// <summary>Non-empty regions at the block (in the global seed).</summary>
    public uint RegionCount { get; }

    /// <summary>The region's index among the block's regions sorted by id.</summary>
    public uint RegionIndex { get; }

    /// <summary>Merkle siblings of the region root inside the global tree, bottom-up.</summary>
    public ReadOnlySpan<Hash32> RegionPath => _regionPath;

    /// <summary>Size of <see cref="Encode()"/>'s output.</summary>
    public int EncodedSize => FixedEncodedSize + (_memberPath.Length + _groupPath.Length + _regionPath.Length) * Hash32.Size;

    /// <summary>Encodes the path (version 1).</summary>
    public byte[] Encode()
    {
        byte[] buffer = new byte[EncodedSize];
        Encode(buffer);
        return buffer;
    }

    /// <summary>Encodes the path into <paramref name="destination"/>; returns the bytes written (<see cref="EncodedSize"/>).</summary>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than <see cref="EncodedSize"/>.</exception>
    public int Encode(Span<byte> destination)
    {
        if (destination.Length < EncodedSize)
        {
            throw Error.TooShort(nameof(destination), EncodedSize, destination.Length);
        }

        ProtocolWriter writer = new(destination);
        writer.WriteByte(Version);
        writer.WriteUInt64(Height);
        writer.WriteHash(BlockHash);
        writer.WriteHash(PreviousGlobalRoot);
        writer.WriteUInt64(TotalChains);
        writer.WriteUInt32(MemberCount);
        writer.WriteUInt32(LeafIndex);
        WriteSiblings(ref writer, _memberPath);
        writer.WriteUInt32(GroupId);
        writer.WriteUInt32(GroupCount);
        writer.WriteUInt32(GroupIndex);
        WriteSiblings(ref writer, _groupPath);
        writer.WriteUInt32(RegionId);
        writer.WriteUInt32(RegionCount);
        writer.WriteUInt32(RegionIndex);
        WriteSiblings(ref writer, _regionPath);
        return writer.Position;
    }

    /// <summary>Decodes a version-1 encoding, rejecting anything that is not exactly one.</summary>
    /// <exception cref="FormatException">
    /// The input is oversized, truncated, has trailing bytes, an unknown version, a zero count, an
    /// index outside its count or a path length that does not match its (index, count); the message
    /// names the field.
    /// </exception>
    public static HierarchyPath Decode(ReadOnlySpan<byte> encoded)
    {
        if (encoded.Length > MaxEncodedSize)
        {
            throw new FormatException($"Hierarchy path: {encoded.Length} bytes is oversized; a valid encoding has at most {MaxEncodedSize}.");
        }

        ProtocolReader reader = new(encoded);
        byte version = reader.ReadByte("version");
        if (version != Version)
        {
            throw new FormatException($"Hierarchy path: field 'version' is {version}; only version {Version} is supported.");
        }

        ulong height = reader.ReadUInt64("height");
        Hash32 blockHash = reader.ReadHash("block_hash");
        Hash32 previousGlobalRoot = reader.ReadHash("previous_global_root");
        ulong totalChains = reader.ReadUInt64("total_chains");
        uint memberCount = reader.ReadUInt32("member_count");
        uint leafIndex = reader.ReadUInt32("leaf_index");
        Hash32[] memberPath = ReadSiblings(ref reader, memberCount, leafIndex, "member_count", "leaf_index", "member_path");
        uint groupId = reader.ReadUInt32("group_id");
        uint groupCount = reader.ReadUInt32("group_count");
        uint groupIndex = reader.ReadUInt32("group_index");
        Hash32[] groupPath = ReadSiblings(ref reader, groupCount, groupIndex, "group_count", "group_index", "group_path");
        uint regionId = reader.ReadUInt32("region_id");
        uint regionCount = reader.ReadUInt32("region_count");
        uint regionIndex = reader.ReadUInt32("region_index");
        Hash32[] regionPath = ReadSiblings(ref reader, regionCount, regionIndex, "region_count", "region_index", "region_path");
        reader.EnsureEnd("Hierarchy path");

        return new HierarchyPath(
            height, blockHash, previousGlobalRoot, totalChains,
            memberCount, leafIndex, memberPath,
            groupId, groupCount, groupIndex, groupPath,
            regionId, regionCount, regionIndex, regionPath);
    }

    private static void WriteSiblings(ref ProtocolWriter writer, Hash32[] siblings)
    {
        writer.WriteByte((byte)siblings.Length);
        foreach (Hash32 sibling in siblings)
        {
            writer.WriteHash(sibling);
        }
    }

    private static Hash32[] ReadSiblings(ref ProtocolReader reader, uint count, uint index, string countField, string indexField, string pathField)
    {
        if (count == 0)
        {
            throw new FormatException($"Hierarchy path: field '{countField}' is 0; a level has at least one node.");
        }

        if (index >= count)
        {
            throw new FormatException($"Hierarchy path: field '{indexField}' is {index}, not below '{countField}' {count}.");
        }

        byte length = reader.ReadByte(pathField + "_length");
        int expected = MerkleTree.PathLength(index, count);
        if (length != expected)
        {
            throw new FormatException(
                $"Hierarchy path: field '{pathField}_length' is {length}; index {index} of {count} has {expected} sibling(s).");
        }

        Hash32[] siblings = new Hash32[length];
        for (int i = 0; i < siblings.Length; i++)
        {
            siblings[i] = reader.ReadHash(pathField);
        }

        return siblings;
    }

    private static void ValidateLevel(uint count, uint index, int pathLength, string countName, string indexName, string pathName)
    {
        if (count == 0)
        {
            throw Error.OutOfRange(countName, count, "must be at least 1");
        }

        if (index >= count)
        {
            throw Error.OutOfRange(indexName, index, $"must be below the count {count}");
        }

        int expected = MerkleTree.PathLength(index, count);
        if (pathLength != expected)
        {
            throw Error.Invalid(pathName, $"index {index} of {count} has {expected} sibling(s); got {pathLength}.");
        }
    }
}
