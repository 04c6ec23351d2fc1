import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';

/** The repository root; every child starts there, so `--import tsx` and relative paths resolve. */
export const REPO_ROOT = resolve(import.meta.dirname, '..', '..');

/** A message over the IPC channel between the bench and one of its children. */
export interface IpcMessage {
  readonly type: string;
  readonly id?: number;
  readonly [key: string]: unknown;
}

/** A running TypeScript child process with a request/reply channel. */
export interface ChildHandle {
  readonly name: string;
  readonly pid: number;
  /** Waits for the first message of a type the child sends by itself (e.g. 'ready'). */
  next<T extends IpcMessage>(type: string, timeoutMs: number): Promise<T>;
  /** Sends a request and waits for its reply's value; throws the child's error, or after the time limit. */
  request<T>(type: string, payload: Record<string, unknown>, timeoutMs: number): Promise<T>;
  /** Asks the child to stop (SIGTERM), and kills it if it has not exited within a few seconds. */
  stop(): Promise<void>;
}

const live = new Set<ChildProcess>();
let cleanupInstalled = false;

/**
 * Kills every child still running when the bench exits, fails or is interrupted (Ctrl+C), so no server or
 * client process outlives it. Call once from the entry point.
 */
export function installChildCleanup(): void {
  if (cleanupInstalled) return;
  cleanupInstalled = true;
  const killAll = (): void => {
    for (const child of live) child.kill('SIGKILL');
    live.clear();
  };
  process.on('exit', killAll);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      console.error(`[bench] ${signal}: stopping ${live.size} child process(es)`);
      killAll();
      process.exit(signal === 'SIGINT' ? 130 : 143);
    });
  }
}

/**
 * Starts `node --import tsx <script> <args>` with an IPC channel; its output goes to the bench's. Extra Node
 * flags for every child can be given in BENCH_NODE_ARGS, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof` to
 * profile the servers (NODE_OPTIONS does not allow that). `prefix` is a command that runs Node in turn.
 */
export function spawnTsChild(name: string, script: string, args: readonly string[] = [], env: NodeJS.ProcessEnv = {}, prefix: readonly string[] = []): ChildHandle {
  const nodeArgs = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
  // A prefix runs Node through another command (e.g. `ip netns exec NAME`), which must exec it in place so
  // that the IPC channel's descriptor is inherited.
  const [command, ...commandArgs] = [...prefix, process.execPath, ...nodeArgs, '--import', 'tsx', resolve(REPO_ROOT, script), ...args] as [string, ...string[]];
  const child = spawn(command, commandArgs, {
    cwd: REPO_ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  if (child.pid === undefined) throw new Error(`Could not start the ${name} child process (${script})`);
  live.add(child);
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  child.once('exit', () => live.delete(child));

  let nextId = 1;
  const waitMessage = <T extends IpcMessage>(accept: (m: IpcMessage) => boolean, timeoutMs: number, what: string): Promise<T> =>
    new Promise<T>((resolveMessage, reject) => {
      const onMessage = (message: IpcMessage): void => {
        if (!accept(message)) return;
        finish();
        resolveMessage(message as T);
      };
      const onExit = (code: number | null, signal: string | null): void => {
        finish();
        reject(new Error(`The ${name} child exited (code ${code}, signal ${signal}) while the bench waited for ${what}`));
      };
      const timer = setTimeout(() => {
        finish();
        reject(new Error(`Timed out after ${timeoutMs} ms waiting for ${what} from the ${name} child`));
      }, timeoutMs);
      const finish = (): void => {
        clearTimeout(timer);
        child.off('message', onMessage);
        child.off('exit', onExit);
      };
      child.on('message', onMessage);
      child.on('exit', onExit);
    });

  return {
    name,
    pid: child.pid,
    next: (type, timeoutMs) => waitMessage((m) => m.type === type, timeoutMs, `'${type}'`),
    async request<T>(type: string, payload: Record<string, unknown>, timeoutMs: number): Promise<T> {
      const id = nextId++;
      const reply = waitMessage<IpcMessage & { ok: boolean; value?: T; error?: string }>((m) => m.type === 'reply' && m.id === id, timeoutMs, `the reply to '${type}'`);
      child.send({ type, id, ...payload });
      const message = await reply;
      if (!message.ok) throw new Error(`The ${name} child failed '${type}': ${message.error}`);
      return message.value as T;
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** A child's request handlers, by message type. */
export type RequestHandlers = Record<string, (payload: IpcMessage) => unknown>;

/**
 * The child's side of the channel: answers requests with its handlers, and exits when the bench goes away
 * (the IPC channel closes) or sends SIGTERM, after running `onStop`.
 */
export function serveRequests(handlers: RequestHandlers, onStop: () => Promise<void> | void = () => {}): void {
  if (!process.send) throw new Error('Expected to run as a bench child process with an IPC channel');
  let stopping = false;
  const stop = async (): Promise<void> => {
    if (stopping) return;
    stopping = true;
    try {
      await onStop();
    } finally {
      process.exit(0);
    }
  };
  process.on('SIGTERM', () => void stop());
  process.on('disconnect', () => void stop());
  process.on('message', (message: IpcMessage) => {
    const handler = handlers[message.type];
    const reply = (body: Record<string, unknown>): void => {
      if (process.connected) process.send?.({ type: 'reply', id: message.id, ...body });
    };
    if (!handler) return reply({ ok: false, error: `unknown request '${message.type}'` });
    Promise.resolve()
      .then(() => handler(message))
      .then(
        (value) => reply({ ok: true, value }),
        (error: unknown) => reply({ ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
      );
  });
}

/** Sends a message of the child's own (e.g. 'ready') to the bench. */
export function tellParent(message: IpcMessage): void {
  process.send?.(message);
}
