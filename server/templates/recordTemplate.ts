import type { Database } from 'better-sqlite3';
import type { Template } from '../../shared/templates/templateFormat';
import { appendAudit } from '../audit/auditLog';
import { withFullSync } from '../db/openDatabase';
import type { Actor } from '../workflow/actor';
import type { TemplateLibrary } from './templateLibrary';

/**
 * Saves a template made from an act and records it in the audit log as 'template.saved', together: the file
 * is written beside its place first, then moved into place inside the transaction that appends the entry.
 * If the rename fails the entry is rolled back; if the transaction fails the file is removed, so the
 * library never offers a template the trail does not name. The entry carries the file's SHA-256, so a later
 * edit of the file on disk can be told from what was saved.
 */
export function saveTemplateRecorded(
  db: Database,
  library: TemplateLibrary,
  template: Template,
  source: { readonly fromDocumentId: string; readonly actor: Actor },
  now = new Date(),
): void {
  const staged = library.stage(template);
  try {
    withFullSync(db, () => {
      appendAudit(db, {
        at: now.toISOString(),
        actor: source.actor.id,
        action: 'template.saved',
        docId: source.fromDocumentId,
        payload: {
          templateId: template.id,
          title: template.title,
          fromDocumentId: source.fromDocumentId,
          by: source.actor.name,
          file: staged.fileName,
          sha256: staged.sha256,
          bytes: staged.bytes,
        },
      });
      staged.commit();
    });
  } catch (error) {
    staged.discard();
    throw error;
  }
}
