/**
 * The export benchmark's worker: 'derive' builds the act's Yjs state and times deriving its DocumentModel;
 * 'docx' runs in a fresh process that holds only the model, so its peak memory is the exporter's.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { DocumentModel } from '../../shared/model/documentModel';
import { deriveDocumentModel } from '../../shared/model/deriveModel';
import { renderPlainText } from '../../shared/model/plainText';
import type { SerializedState } from '../../shared/model/serializedState';
import { readEditorState } from '../../server/lexical/actEditor';
import { seedActState } from '../../server/lexical/seed';
import { exportDocx } from '../../server/export/docx/exportDocx';
import { generateAct } from '../lib/act';
import { serveRequests, tellParent, type IpcMessage } from '../lib/children';
import { memory } from '../lib/procStats';
import { median } from '../lib/stats';
import { modelToMarkdown } from './markdown';

/** What 'derive' reports. */
export interface DeriveResult {
  readonly seedMs: number;
  readonly deriveColdMs: number;
  readonly deriveWarmMs: number;
  readonly stateBytes: number;
  readonly characters: number;
  readonly articles: number;
}

/** What 'docx' reports. */
export interface DocxResult {
  readonly coldMs: number;
  readonly warmMs: number;
  readonly bytes: number;
  readonly rssBeforeBytes: number;
  readonly peakRssBytes: number;
}

const DOC_ID = 'doc-bench-export';

serveRequests({
  derive: (message: IpcMessage): DeriveResult => {
    const act = generateAct({ pages: Number(message.pages), seed: Number(message.seed) });
    let start = performance.now();
    const state = seedActState(act.blocks, DOC_ID);
    const seedMs = performance.now() - start;
    const times: number[] = [];
    let model: DocumentModel | null = null;
    for (let i = 0; i < Number(message.repeats); i += 1) {
      start = performance.now();
      model = deriveDocumentModel(readEditorState(state, DOC_ID) as unknown as SerializedState, 'ka');
      times.push(performance.now() - start);
    }
    if (!model) throw new Error('Expected at least one derive');
    writeFileSync(String(message.modelFile), JSON.stringify(model));
    writeFileSync(String(message.markdownFile), modelToMarkdown(model));
    return {
      seedMs,
      deriveColdMs: times[0] as number,
      deriveWarmMs: median(times.slice(1).length ? times.slice(1) : times),
      stateBytes: state.byteLength,
      characters: renderPlainText(model).length,
      articles: act.articles,
    };
  },
  docx: async (message: IpcMessage): Promise<DocxResult> => {
    const model = JSON.parse(readFileSync(String(message.modelFile), 'utf8')) as DocumentModel;
    const context = { municipality: 'ozurgeti', exportedAt: '2025-05-15T10:00:00.000Z' };
    const rssBeforeBytes = memory(process.pid).rssBytes;
    const times: number[] = [];
    let bytes: Uint8Array = new Uint8Array();
    for (let i = 0; i < Number(message.repeats); i += 1) {
      const start = performance.now();
      bytes = await exportDocx(model, context);
      times.push(performance.now() - start);
      if (i === 0) writeFileSync(String(message.docxFile), bytes);
    }
    return {
      coldMs: times[0] as number,
      warmMs: median(times.slice(1).length ? times.slice(1) : times),
      bytes: bytes.byteLength,
      rssBeforeBytes,
      peakRssBytes: memory(process.pid).peakRssBytes,
    };
  },
});
tellParent({ type: 'ready' });
