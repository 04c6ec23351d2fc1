import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnTsChild } from '../lib/children';
import type { PartContext } from '../lib/context';
import { GOALS, ratio, recorder, type PartOutput } from '../lib/figures';
import { median } from '../lib/stats';
import type { DeriveResult, DocxResult } from '../export/exportChild';
import { pandocAvailable, pandocToDocx, type PandocRun } from '../export/pandoc';

const SIZE = {
  full: { pages: 200, deriveRepeats: 4, docxRepeats: 4, pandocRepeats: 3 },
  quick: { pages: 20, deriveRepeats: 2, docxRepeats: 2, pandocRepeats: 1 },
} as const;

/**
 * Part 4, model and export: deriving the DocumentModel of a generated act from its Yjs state, exporting it
 * to .docx (in a fresh process, for its time and peak memory), and pandoc converting the same content from
 * Markdown to .docx in the same run.
 */
export async function runExportPart(context: PartContext): Promise<PartOutput> {
  const size = context.quick ? SIZE.quick : SIZE.full;
  const out = recorder('export');
  const dir = mkdtempSync(join(tmpdir(), 'sajaro-bench-export-'));
  const files = { modelFile: join(dir, 'model.json'), markdownFile: join(dir, 'act.md'), docxFile: join(dir, 'act.docx'), pandocFile: join(dir, 'pandoc.docx') };
  try {
    context.log(`[export] deriving the model of a ${size.pages}-page act`);
    const derived = await inChild<DeriveResult>('derive', { pages: size.pages, seed: context.seed, repeats: size.deriveRepeats, ...files });
    out.figure('characters', 'act size (plain text of the model)', derived.characters, 'characters', { note: `${derived.articles} articles; ${(derived.stateBytes / 2 ** 20).toFixed(2)} MiB of Yjs state` });
    out.figure('seed', 'seeding its Yjs state from the outline (seedActState)', derived.seedMs, 'ms');
    out.figure('deriveCold', 'deriving the DocumentModel from the Yjs state, first in a process', derived.deriveColdMs, 'ms');
    out.figure('deriveWarm', `… again (median of ${size.deriveRepeats - 1})`, derived.deriveWarmMs, 'ms');

    context.log('[export] .docx');
    const docx = await inChild<DocxResult>('docx', { repeats: size.docxRepeats, ...files });
    out.figure('docxCold', 'export to .docx, first in a process', docx.coldMs, 'ms', { goal: GOALS.exportDocx });
    out.figure('docxWarm', `… again (median of ${size.docxRepeats - 1})`, docx.warmMs, 'ms');
    out.figure('docxPeakRss', 'export process peak RSS', docx.peakRssBytes / 2 ** 20, 'MiB');
    out.figure('docxRssAdded', '… above its RSS before the export (model loaded)', (docx.peakRssBytes - docx.rssBeforeBytes) / 2 ** 20, 'MiB');
    out.figure('docxBytes', '.docx size', docx.bytes / 1024, 'KiB');

    if (await pandocAvailable()) {
      context.log('[export] pandoc');
      const runs: PandocRun[] = [];
      for (let i = 0; i < size.pandocRepeats; i += 1) runs.push(await pandocToDocx(files.markdownFile, files.pandocFile));
      const pandocMs = median(runs.map((r) => r.ms));
      const peaks = runs.map((r) => r.peakRssBytes).filter((p): p is number => p !== null);
      out.figure('pandoc', `pandoc Markdown → .docx, same content (median of ${size.pandocRepeats}, process wall time)`, pandocMs, 'ms');
      out.figure('pandocPeakRss', 'pandoc peak RSS', peaks.length ? Math.max(...peaks) / 2 ** 20 : null, 'MiB');
      out.figure('pandocBytes', 'pandoc .docx size', statSync(files.pandocFile).size / 1024, 'KiB');
      out.figure('ratio.docxVsPandoc', 'Sajaro export (first in a process) ÷ pandoc', ratio(docx.coldMs, pandocMs), '×', { goal: GOALS.exportVsPandoc });
      out.note(
        'pandoc reads Markdown generated from the same DocumentModel (headings for chapters and articles, one paragraph per numbered paragraph or point with its number written literally, pipe tables), as a fresh process each time; its wall time includes process start-up, so Sajaro is compared by its first export in a fresh process (which pays module compilation and JIT warm-up, though not Node start-up).',
      );
    } else {
      out.note('pandoc is not installed (apt-get install -y pandoc), so its column was skipped.');
    }
    out.note(
      `Deriving: readEditorState (a fresh headless Lexical editor bound to an empty Y.Doc, then the state applied) + deriveDocumentModel, as the server does for export, text and versions; the act is generated from the seed (${size.pages} pages at 3 000 characters a page). ` +
        'Export: exportDocx(model, context) in a fresh process that read the model from JSON, so its peak RSS (VmHWM) is the exporter’s plus Node’s own.',
    );
    return out.output();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Runs one task in a fresh export child process. */
async function inChild<T>(task: 'derive' | 'docx', payload: Record<string, unknown>): Promise<T> {
  const child = spawnTsChild(`export-${task}`, 'bench/export/exportChild.ts');
  try {
    await child.next('ready', 60_000);
    return await child.request<T>(task, payload, 300_000);
  } finally {
    await child.stop();
  }
}
