import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, test } from 'vitest';
import { migrate } from '../db/migrations';
import { SYSTEM_ACTOR } from '../workflow/actor';
import { saveTemplateRecorded } from './recordTemplate';
import { createTemplateLibrary } from './templateLibrary';

const SHIPPED = resolve(import.meta.dirname, '..', '..', 'templates');
const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

function setup() {
  const dir = mkdtempSync(join(tmpdir(), 'sajaro-record-tpl-'));
  dirs.push(dir);
  const db = new Database(':memory:');
  migrate(db);
  const own = join(dir, 'templates');
  const library = createTemplateLibrary(SHIPPED, own);
  const template = { ...library.get('hotline')!, id: 'our-hotline' };
  const source = { fromDocumentId: 'doc-hotline01', actor: SYSTEM_ACTOR };
  const entries = () => db.prepare('SELECT action FROM audit_log').pluck().all();
  return { db, own, library, template, source, entries };
}

describe('a saved template and its audit entry', () => {
  test('are stored together', () => {
    const { db, own, library, template, source, entries } = setup();
    saveTemplateRecorded(db, library, template, source);
    expect(entries()).toEqual(['template.saved']);
    expect(library.get('our-hotline')?.title).toEqual(template.title);
    expect(readdirSync(own)).toEqual(['our-hotline.yaml']);
  });

  test('when the entry cannot be written, the template is not offered and no file is left', () => {
    const { db, own, library, template, source, entries } = setup();
    db.exec("CREATE TRIGGER refuse BEFORE INSERT ON audit_log BEGIN SELECT RAISE(ABORT, 'disk full'); END;");
    expect(() => saveTemplateRecorded(db, library, template, source)).toThrow(/disk full/);
    expect(entries()).toEqual([]);
    expect(library.get('our-hotline')).toBeNull();
    expect(readdirSync(own)).toEqual([]);
  });

  test('when the file cannot be moved into place, no entry stays and the staged file is removed', () => {
    const { db, own, library, template, source, entries } = setup();
    // A non-empty folder where the file should go: the rename fails.
    mkdirSync(join(own, 'our-hotline.yaml'), { recursive: true });
    writeFileSync(join(own, 'our-hotline.yaml', 'keep'), 'x');
    expect(() => saveTemplateRecorded(db, library, template, source)).toThrow();
    expect(entries()).toEqual([]);
    expect(readdirSync(own)).toEqual(['our-hotline.yaml']);
  });
});
