-- SPDX-License-Identifier: MIT
--
-- OrleansProofs token ledger (schema version 3): the node's own implementation of the token adapter
-- (ITokenLedger; semantics in docs/ledger.md). Amounts are integer base units (the token's name and
-- decimals are configuration, display only). Every movement is one transaction that appends one
-- journal row and changes balances and bonds; a movement id appears at most once in the journal,
-- which makes every movement idempotent by its id.

-- The append-only journal: one row per applied movement, in the order they were applied.
-- Kind: 1 credit, 2 create-bond, 3 release-bond, 4 slash-bond, 5 pay-reward (LedgerMovementKind).
-- Purpose: 1 chain registration, 2 checkpoint (BondPurpose). Reason: 1 availability challenge,
-- 2 invalid checkpoint, 3 failed-audit threshold (LedgerReason). RecordedAt: Unix milliseconds.
CREATE TABLE IF NOT EXISTS OrleansProofsLedgerJournal
(
    Sequence INTEGER PRIMARY KEY,
    MovementId TEXT NOT NULL UNIQUE,
    Kind INTEGER NOT NULL CHECK (Kind BETWEEN 1 AND 5),
    Account TEXT NOT NULL,
    Amount INTEGER NOT NULL CHECK (Amount > 0),
    BondId TEXT NULL,
    Purpose INTEGER NULL,
    Reason INTEGER NULL,
    RecordedAt INTEGER NOT NULL
);

-- Append-only: the database itself refuses to change or remove a journal row.
CREATE TRIGGER IF NOT EXISTS OrleansProofsLedgerJournalNoUpdate BEFORE UPDATE ON OrleansProofsLedgerJournal
BEGIN
    SELECT RAISE(ABORT, 'the ledger journal is append-only');
END;

CREATE TRIGGER IF NOT EXISTS OrleansProofsLedgerJournalNoDelete BEFORE DELETE ON OrleansProofsLedgerJournal
BEGIN
    SELECT RAISE(ABORT, 'the ledger journal is append-only');
END;

-- Spendable balances (bonded tokens are not in them). The CHECK is the last line of defence behind
-- the guarded UPDATE (Balance >= amount): no balance is ever negative.
CREATE TABLE IF NOT EXISTS OrleansProofsLedgerBalances
(
    Account TEXT NOT NULL PRIMARY KEY,
    Balance INTEGER NOT NULL CHECK (Balance >= 0)
) WITHOUT ROWID;

-- Bonds: the id is the movement id of the create-bond movement. State: 1 active, 2 released, 3 slashed.
CREATE TABLE IF NOT EXISTS OrleansProofsLedgerBonds
(
    BondId TEXT NOT NULL PRIMARY KEY,
    Account TEXT NOT NULL,
    Purpose INTEGER NOT NULL,
    Amount INTEGER NOT NULL CHECK (Amount > 0),
    State INTEGER NOT NULL CHECK (State BETWEEN 1 AND 3),
    SlashedAmount INTEGER NOT NULL DEFAULT 0 CHECK (SlashedAmount >= 0 AND SlashedAmount <= Amount),
    CreatedSequence INTEGER NOT NULL
);

CREATE INDEX IF NOT EXISTS OrleansProofsLedgerBondsByAccount ON OrleansProofsLedgerBonds (Account, CreatedSequence);

INSERT OR REPLACE INTO OrleansProofsSchema (Version, Name, AppliedOn)
VALUES (3, 'token-ledger', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
