-- OrleansProofs commitment log (schema version 2): every chain record a block produced, within the
-- audit horizon. One row per (network, height, chain); each group writes its block's rows in one
-- transaction and the ingress deletes rows below the horizon, so the table holds O(chains x horizon) rows.
-- The key is ordered by height first: a block's rows are appended at the end of the tree (a few
-- sequential pages, not one page per chain as a chain-first key touches), pruning deletes a prefix,
-- and a chain's replay is one key lookup per retained height.
-- Payload layout: see ChainRecordBytes (src/OrleansProofs.Grains/Storage/ChainRecordBytes.cs).

CREATE TABLE IF NOT EXISTS OrleansProofsCommitments
(
    Network TEXT NOT NULL,
    ChainId BLOB NOT NULL CHECK (length(ChainId) = 32),
    Height INTEGER NOT NULL CHECK (Height >= 0),
    Record BLOB NOT NULL,
    PRIMARY KEY (Network, Height, ChainId)
) WITHOUT ROWID;

INSERT OR REPLACE INTO OrleansProofsSchema (Version, Name, AppliedOn)
VALUES (2, 'commitment-log', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
