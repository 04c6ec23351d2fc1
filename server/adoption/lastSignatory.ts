import type { Database } from 'better-sqlite3';
import type { AdoptingBody } from '../../shared/workflow/adoptingBody';

/**
 * The signatory's name last recorded for an act of the same adopting body, newest move first, so the
 * signature step offers the chairperson (or the Mayor) who signed last (issue 13 §2).
 */
export function createLastSignatory(db: Database): (body: AdoptingBody) => string | null {
  const last = db.prepare<[AdoptingBody], { name: unknown }>(
    `SELECT json_extract(h.data, '$.signatoryName') AS name
       FROM stage_history h JOIN documents d ON d.id = h.doc_id
      WHERE d.adopting_body = ? AND json_valid(h.data) AND json_extract(h.data, '$.signatoryName') IS NOT NULL
      ORDER BY h.seq DESC LIMIT 1`,
  );
  return (body) => {
    const name = last.get(body)?.name;
    return typeof name === 'string' && name.trim() ? name : null;
  };
}
