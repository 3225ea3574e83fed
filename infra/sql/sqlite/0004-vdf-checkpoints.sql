-- SPDX-License-Identifier: MIT
--
-- OrleansProofs VDF checkpoints (schema version 4): the signed, chained checkpoints of the node's
-- continuous VDF (docs/protocol.md §6 §7), written one row per checkpoint as the evaluator makes them,
-- so a new activation resumes from the newest durable one. Owner names the VDF: the prover's public key
-- (hex) and the buffer's log2 size, so a new key or profile starts its own chain. Only a bounded window
-- per owner is kept (NodeOptions.VdfRetainedCheckpoints): each write deletes the rows that left it.
-- Checkpoint is the wire form (body || signature), which VdfCheckpoint.Decode reads back.
CREATE TABLE IF NOT EXISTS OrleansProofsVdfCheckpoints
(
    Owner TEXT NOT NULL,
    Sequence INTEGER NOT NULL CHECK (Sequence >= 0),
    Checkpoint BLOB NOT NULL,
    PRIMARY KEY (Owner, Sequence)
) WITHOUT ROWID;

INSERT OR REPLACE INTO OrleansProofsSchema (Version, Name, AppliedOn)
VALUES (4, 'vdf-checkpoints', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
