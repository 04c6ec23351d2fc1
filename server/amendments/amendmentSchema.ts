/**
 * The tables of amending acts and consolidated editions (issue 13, §4). A revision is a document that amends
 * an act in force; an edition is one consolidated text of an act (its model, with the amending act's number and date on
 * each removed unit), pointing at the revision's version it was made from
 * (edition 1, the act as it entered into force, is read from the act's own stage history and not stored).
 * Editions and repeals are append-only, as versions are.
 */
export const AMENDMENT_SCHEMA_SQL = `
  CREATE TABLE revisions (
    id TEXT PRIMARY KEY REFERENCES documents(id),
    amends TEXT NOT NULL REFERENCES documents(id),
    base_edition INTEGER NOT NULL,
    repeal INTEGER NOT NULL DEFAULT 0 CHECK (repeal IN (0, 1)),
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL
  );
  CREATE INDEX revisions_by_act ON revisions(amends);
  CREATE TABLE editions (
    doc_id TEXT NOT NULL REFERENCES documents(id),
    number INTEGER NOT NULL CHECK (number >= 2),
    in_force_from TEXT NOT NULL,
    amended_by TEXT NOT NULL REFERENCES documents(id),
    version_id TEXT NOT NULL REFERENCES versions(id),
    model TEXT NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (doc_id, number)
  );
  CREATE TRIGGER editions_no_update BEFORE UPDATE ON editions
  BEGIN SELECT RAISE(ABORT, 'editions are immutable: a consolidated edition cannot be changed'); END;
  CREATE TRIGGER editions_no_delete BEFORE DELETE ON editions
  BEGIN SELECT RAISE(ABORT, 'editions are immutable: a consolidated edition cannot be deleted'); END;
  CREATE TABLE repeals (
    doc_id TEXT PRIMARY KEY REFERENCES documents(id),
    repealed_by TEXT NOT NULL REFERENCES documents(id),
    in_force_from TEXT NOT NULL,
    created_at TEXT NOT NULL
  );
  CREATE TRIGGER repeals_no_update BEFORE UPDATE ON repeals
  BEGIN SELECT RAISE(ABORT, 'a repeal cannot be changed'); END;
  CREATE TRIGGER repeals_no_delete BEFORE DELETE ON repeals
  BEGIN SELECT RAISE(ABORT, 'a repeal cannot be undone'); END;
`;
