// SPDX-License-Identifier: MIT

using OrleansProofs.Core.Hashing;

namespace OrleansProofs.Core.Hierarchy;

/// <summary>A group's or a region's root at a block, with its id: an input to the level above.</summary>
/// <param name="Id">The group id or region id.</param>
/// <param name="Root">The group root or region root.</param>
public readonly record struct LevelRoot(uint Id, Hash32 Root);
