import { ApiError } from '../connection/api';
import type { Session } from '../connection/session';

/** The file name the server suggests in Content-Disposition (RFC 5987 `filename*` first). */
export function suggestedName(header: string | null, fallback: string): string {
  const star = /filename\*=UTF-8''([^;]+)/i.exec(header ?? '');
  if (star?.[1]) return decodeURIComponent(star[1]);
  return /filename="([^"]+)"/i.exec(header ?? '')?.[1] ?? fallback;
}

/**
 * The server could not be reached. Exports are made by the server from the act's model (DESIGN.md, "Derive"),
 * so a browser with no connection cannot make one; the desktop app has its own embedded server, which is
 * always reachable, so this is a remote browser's message (issue 14, part 3).
 */
export class ExportNeedsConnection extends Error {
  constructor() {
    super('export needs the connection to the workspace server');
  }
}

/**
 * Fetches a file from the workspace API with the session's token and hands it to the user: the native save
 * dialog in the desktop app, a download in a browser. Resolves to the saved path in the desktop app (null
 * when the user cancelled or in a browser); rejects with the server's message when it refuses.
 */
export async function downloadFile(session: Session, path: string, fallbackName: string): Promise<string | null> {
  let response: Response;
  try {
    response = await fetch(`${session.serverUrl}${path}`, { headers: { Authorization: `Bearer ${session.token}` } });
  } catch {
    // fetch rejects only when no answer came at all ("Failed to fetch"): say what that means, in words.
    throw new ExportNeedsConnection();
  }
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { error?: { code?: string; message?: string; details?: Record<string, unknown> } } | null;
    throw new ApiError(response.status, body?.error?.code ?? 'error', body?.error?.message ?? response.statusText, body?.error?.details ?? {});
  }
  const name = suggestedName(response.headers.get('content-disposition'), fallbackName);
  return saveBytes(name, new Uint8Array(await response.arrayBuffer()));
}

/**
 * Hands bytes to the user: the native save dialog in the desktop app (the saved path, or null when cancelled),
 * a download in a browser (null).
 */
export async function saveBytes(name: string, data: Uint8Array, type?: string): Promise<string | null> {
  const desktop = window.sajaroDesktop;
  if (desktop) return desktop.saveFile({ defaultPath: name, data });
  const url = URL.createObjectURL(new Blob([data as Uint8Array<ArrayBuffer>], type ? { type } : {}));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return null;
}
