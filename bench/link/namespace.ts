import { execFileSync } from 'node:child_process';

/** A network namespace of the bench's own, with its loopback up. */
export interface LinkNamespace {
  readonly name: string;
  /** The command prefix that runs a program inside it. */
  readonly exec: readonly string[];
  remove(): void;
}

/** The loopback's MTU inside the namespace: an Ethernet line's, so a lost packet is a lost 1.5 kB, not 64 kB. */
const LINE_MTU = 1_500;

const run = (command: string, args: readonly string[]): string => execFileSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 20_000 });

/** Why the link part cannot run here (not root, or `ip` / `iptables` missing), or null when it can try. */
export function whyNoNamespace(): string | null {
  if (process.platform !== 'linux') return `network namespaces need Linux (this is ${process.platform})`;
  if (process.getuid?.() !== 0) return 'creating a network namespace needs root (run the bench as root)';
  for (const [tool, args, pkg] of [
    ['ip', ['-V'], 'iproute2'],
    ['iptables', ['--version'], 'iptables'],
  ] as const) {
    try {
      run(tool, args);
    } catch {
      return `\`${tool}\` is missing (apt-get install -y ${pkg})`;
    }
  }
  return null;
}

/**
 * Creates `sajaro-link-<pid>` with its loopback up, or throws with the command's own message (e.g. when
 * the container may not create namespaces). A namespace left by an earlier run of the same pid is replaced.
 */
export function createLinkNamespace(): LinkNamespace {
  const name = `sajaro-link-${process.pid}`;
  try {
    run('ip', ['netns', 'del', name]);
  } catch {
    // None left over: the usual case.
  }
  const inside = ['ip', 'netns', 'exec', name] as const;
  try {
    run('ip', ['netns', 'add', name]);
    run(inside[0], [...inside.slice(1), 'ip', 'link', 'set', 'lo', 'up', 'mtu', String(LINE_MTU)]);
    // iptables must work inside it too, or the loss could not be made.
    run(inside[0], [...inside.slice(1), 'iptables', '-L', 'INPUT', '-n']);
  } catch (error) {
    try {
      run('ip', ['netns', 'del', name]);
    } catch {
      // It was never made.
    }
    const stderr = (error as { stderr?: string }).stderr?.trim();
    throw new Error(stderr || (error instanceof Error ? error.message : String(error)));
  }
  let removed = false;
  return {
    name,
    exec: inside,
    remove() {
      if (removed) return;
      removed = true;
      // Its iptables rules and sockets go with it.
      run('ip', ['netns', 'del', name]);
    },
  };
}
