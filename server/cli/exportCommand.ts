import { existsSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDocId } from '../../shared/ids';
import { EXPORT_FORMATS, exportAct, exportSource, type ExportFormat } from '../export/exportService';
import { openWorkspace } from '../workspace';
import { parseOptions, UsageError } from './args';

const USAGE = 'npm run export -- --data <dir> --doc <id> --format docx|akn [--version <id>] --out <file>';
const ROOT = join(fileURLToPath(import.meta.url), '..', '..', '..');

/**
 * `export`: writes an act (current text or a version) as .docx or Akoma Ntoso XML. It writes to a temp file
 * and renames it, so a failure never leaves a partial file where the user expects the act.
 */
export async function exportCommand(argv: string[]): Promise<void> {
  const values = parseOptions(argv, { data: { type: 'string' }, doc: { type: 'string' }, format: { type: 'string' }, version: { type: 'string' }, out: { type: 'string' } }, USAGE) as Record<string, string | undefined>;
  for (const name of ['data', 'doc', 'format', 'out'] as const) {
    if (!values[name]) throw new UsageError(`Missing --${name}\nUsage: ${USAGE}`);
  }
  const format = values.format as ExportFormat;
  if (!EXPORT_FORMATS.includes(format)) throw new UsageError(`Unknown format '${values.format}': expected one of ${EXPORT_FORMATS.join(', ')}`);
  const dataDir = resolve(values.data!);
  if (!existsSync(join(dataDir, 'workspace.sqlite'))) throw new UsageError(`No workspace in '${dataDir}': expected a folder made by 'npm run serve -- --data <dir>'`);
  const out = resolve(values.out!);
  if (!existsSync(dirname(out))) throw new UsageError(`The folder of --out '${out}' does not exist`);
  const docId = parseDocId(values.doc!);
  if (!docId.ok) throw new UsageError(docId.error);

  const workspace = openWorkspace({ dataDir, templatesDir: join(ROOT, 'templates'), log: () => {} });
  try {
    if (!workspace.documents.get(docId.value)) throw new UsageError(`Unknown document '${docId.value}' in '${dataDir}'`);
    const source = exportSource(workspace, docId.value, values.version);
    if (!source.ok) throw new UsageError(source.error);
    const file = await exportAct(workspace, docId.value, source.value, format);
    const temp = `${out}.${process.pid}.tmp`;
    try {
      writeFileSync(temp, file.bytes);
      renameSync(temp, out);
    } finally {
      rmSync(temp, { force: true });
    }
    console.log(`[export] wrote ${out} (${file.bytes.length} bytes; suggested name: ${file.fileName})`);
  } finally {
    workspace.close();
  }
}
