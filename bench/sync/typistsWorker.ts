/**
 * A child process that runs one group of typing clients, used when the clients are split across processes
 * so that their CPU does not cap the load on a 2-core machine.
 */
import { serveRequests, type IpcMessage } from '../lib/children';
import { connectTypists, type TypistPlan, type TypistSession, type TypingWindow } from './typists';

let session: TypistSession | null = null;

serveRequests(
  {
    connect: async (message: IpcMessage) => {
      session = await connectTypists(message.plan as TypistPlan);
      return session.clients;
    },
    type: async (message: IpcMessage) => {
      if (!session) throw new Error('Expected connect before type');
      return session.type(message.window as TypingWindow);
    },
    close: () => {
      session?.close();
      session = null;
      return true;
    },
  },
  () => session?.close(),
);
process.send?.({ type: 'ready' });
