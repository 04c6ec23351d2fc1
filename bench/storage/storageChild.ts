/**
 * Runs one DocStore operation (load or compact) on a bench database in a child process, so that the bench
 * can give up on it after a time limit: Y.mergeUpdates grows faster than quadratically with the number of
 * rows, and a synchronous call cannot be interrupted in the bench process itself.
 */
import { openDatabase } from '../../server/db/openDatabase';
import { createSqliteDocStore } from '../../server/store/docStore';
import { serveRequests, tellParent, type IpcMessage } from '../lib/children';
import { timeLoads } from './database';

const db = openDatabase(String(process.argv[2]));
const store = createSqliteDocStore(db);

serveRequests(
  {
    load: (message: IpcMessage) => timeLoads(db, store, String(message.docId), 1),
    compact: (message: IpcMessage) => {
      const start = performance.now();
      store.compact(String(message.docId));
      return performance.now() - start;
    },
  },
  () => void db.close(),
);
tellParent({ type: 'ready' });
