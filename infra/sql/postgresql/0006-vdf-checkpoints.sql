-- SPDX-License-Identifier: MIT
--
-- OrleansProofs VDF checkpoints on PostgreSQL (schema version 6): the signed, chained checkpoints of
-- the node's continuous VDF (docs/protocol.md §6 §7), written one row per checkpoint as the evaluator
-- makes them, so an activation on another silo resumes from the newest durable one. Owner names the
-- VDF: the prover's public key (hex) and the buffer's log2 size, so a new key or profile starts its own
-- chain. Only a bounded window per owner is kept (NodeOptions.VdfRetainedCheckpoints): each write
-- deletes the rows that left it. Checkpoint is the wire form (body || signature).

CREATE TABLE IF NOT EXISTS OrleansProofsVdfCheckpoints
(
    Owner      text   NOT NULL,
    Sequence   bigint NOT NULL CONSTRAINT ck_orleansproofsvdfcheckpoints_sequence CHECK (Sequence >= 0),
    Checkpoint bytea  NOT NULL,
    CONSTRAINT pk_orleansproofsvdfcheckpoints PRIMARY KEY (Owner, Sequence)
);

INSERT INTO OrleansProofsSchema (Version, Name) VALUES (6, 'vdf-checkpoints')
ON CONFLICT (Version) DO NOTHING;
