// SPDX-License-Identifier: MIT

using OrleansProofs.Core.Hierarchy;

namespace OrleansProofs.Abstractions.Serialization;

/// <summary>Converts <see cref="HierarchyPath"/> to and from its encoded <see cref="HierarchyPathSurrogate"/>.</summary>
[RegisterConverter]
public sealed class HierarchyPathSurrogateConverter : IConverter<HierarchyPath, HierarchyPathSurrogate>
{
    /// <inheritdoc/>
    public HierarchyPath ConvertFromSurrogate(in HierarchyPathSurrogate surrogate) => HierarchyPath.Decode(surrogate.Encoded);

    /// <inheritdoc/>
    public HierarchyPathSurrogate ConvertToSurrogate(in HierarchyPath value) => new() { Encoded = value.Encode() };
}
