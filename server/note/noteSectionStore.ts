import type { Database } from 'better-sqlite3';
import { DEFAULT_NOTE_SECTIONS } from '../../shared/note/defaultNoteSections';
import { NoteSectionsSchema, type NoteSections } from '../../shared/note/noteSections';
import { formatIssues } from '../../shared/api/errors';
import { fail, ok, type Parsed } from '../../shared/parsed';
import { appendAudit } from '../audit/auditLog';
import { withFullSync } from '../db/openDatabase';
import type { Actor } from '../workflow/actor';

/** The workspace's section list of explanatory notes: a setting, like the workflow definition. */
export interface NoteSectionStore {
  /** The stored list, or the default when none is stored (or the stored one is unreadable). */
  get(): NoteSections;
  /** Replaces the list after parsing it, with an audit entry, in one transaction. */
  set(raw: unknown, actor: Actor, now?: Date): Parsed<NoteSections>;
}

/** A section store on SQLite's `note_sections` table. */
export function createNoteSectionStore(db: Database, log: (line: string) => void): NoteSectionStore {
  const read = db.prepare<[], { definition: string }>('SELECT definition FROM note_sections WHERE id = 1');
  const write = db.prepare(
    `INSERT INTO note_sections (id, definition, updated_at, updated_by) VALUES (1, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET definition = excluded.definition, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
  );
  return {
    get() {
      const row = read.get();
      if (!row) return DEFAULT_NOTE_SECTIONS;
      let raw: unknown;
      try {
        raw = JSON.parse(row.definition);
      } catch {
        raw = null;
      }
      const parsed = NoteSectionsSchema.safeParse(raw);
      if (parsed.success) return parsed.data;
      log('[note] the stored note sections are unreadable, using the default');
      return DEFAULT_NOTE_SECTIONS;
    },
    set(raw, actor, now = new Date()) {
      const parsed = NoteSectionsSchema.safeParse(raw);
      if (!parsed.success) return fail(`Invalid note sections: ${formatIssues(parsed.error)}`);
      const at = now.toISOString();
      withFullSync(db, () => {
        write.run(JSON.stringify(parsed.data), at, actor.id);
        appendAudit(db, { at, actor: actor.id, action: 'note.sections.changed', docId: null, payload: { by: actor.name, sections: parsed.data.sections.map((s) => s.key) } });
      });
      return ok(parsed.data);
    },
  };
}
