-- OrleansProofs commitment log (schema version 2): every chain record a block produced, within the
-- audit horizon. One row per (network, chain, height); the ingress writes a block's rows in one
-- transaction and deletes rows below the horizon, so the table holds O(chains x horizon) rows.
-- Payload layout: see ChainRecordBytes (src/OrleansProofs.Grains/Storage/ChainRecordBytes.cs).

CREATE TABLE IF NOT EXISTS OrleansProofsCommitments
(
    Network TEXT NOT NULL,
    ChainId BLOB NOT NULL CHECK (length(ChainId) = 32),
    Height INTEGER NOT NULL CHECK (Height >= 0),
    Record BLOB NOT NULL,
    PRIMARY KEY (Network, ChainId, Height)
) WITHOUT ROWID;

-- Rebuilding a block's hierarchy reads one height; pruning deletes by height.
CREATE INDEX IF NOT EXISTS IX_OrleansProofsCommitments_Height ON OrleansProofsCommitments (Network, Height);

INSERT OR REPLACE INTO OrleansProofsSchema (Version, Name, AppliedOn)
VALUES (2, 'commitment-log', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
