-- SPDX-License-Identifier: MIT
--
-- OrleansProofs commitment log on PostgreSQL (schema version 2): every chain record a block
-- produced, within the audit horizon. One row per (network, chain, height); a group writes its
-- members' rows for a block in one multi-row statement (PostgresCommitmentLog), and rows below the
-- horizon are deleted, so the table holds O(chains x horizon) rows.
-- Record layout: see ChainRecordBytes (src/OrleansProofs.Grains/Storage/ChainRecordBytes.cs).

CREATE TABLE IF NOT EXISTS OrleansProofsCommitments
(
    Network text   NOT NULL,
    ChainId bytea  NOT NULL CONSTRAINT ck_orleansproofscommitments_chainid CHECK (octet_length(ChainId) = 32),
    Height  bigint NOT NULL CONSTRAINT ck_orleansproofscommitments_height CHECK (Height >= 0),
    Record  bytea  NOT NULL,
    CONSTRAINT pk_orleansproofscommitments PRIMARY KEY (Network, ChainId, Height)
);

-- Rebuilding a block's hierarchy reads one height; pruning deletes by height.
CREATE INDEX IF NOT EXISTS ix_orleansproofscommitments_height ON OrleansProofsCommitments (Network, Height);

INSERT INTO OrleansProofsSchema (Version, Name) VALUES (2, 'commitment-log')
ON CONFLICT (Version) DO NOTHING;
