import type { Session } from './session';
import { API_CACHE, isCachedPath, markFresh, markStale, saveAnswer, savedAnswer } from './apiCache';

/**
 * An API refusal with the server's code, its structured details and the server's English sentence (for the
 * console only: the UI words it from the code and details, renderer/src/errors/errorText.ts).
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
  }
}

/**
 * Calls the workspace API with the session's token; throws ApiError with the server's message on failure.
 * A GET of the act's own answers (apiCache.ts) that cannot be answered now, because the connection failed or
 * has not answered in a few seconds, resolves to the last good answer instead, marked stale for the panels
 * to say "saved copy from 14:02" (issue 14, part 3).
 */
export function apiFetch<T>(session: Session, path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  if ((init.method ?? 'GET') !== 'GET' || !isCachedPath(path)) return request<T>(session, path, init);
  const saved = savedAnswer<T>(session, path);
  let settled = false;
  const live = request<T>(session, path, init).then((body) => {
    saveAnswer(session, path, body);
    // A late answer is kept for next time; the panel that got the saved copy keeps its "saved copy" mark.
    if (!settled) markFresh(path);
    return body;
  });
  if (!saved) return live;
  return new Promise<T>((resolve, reject) => {
    const useSaved = () => {
      settled = true;
      markStale(path, saved.at);
      resolve(saved.body);
    };
    const timer = setTimeout(useSaved, API_CACHE.fallbackAfterMs);
    live.then(
      (body) => {
        clearTimeout(timer);
        settled = true;
        resolve(body);
      },
      (error: unknown) => {
        clearTimeout(timer);
        if (settled) return;
        if (error instanceof ApiError && error.code === 'network') useSaved();
        else reject(error);
      },
    );
  });
}

async function request<T>(session: Session, path: string, init: { method?: string; body?: unknown }): Promise<T> {
  let response: Response;
  try {
    response = await fetch(`${session.serverUrl}${path}`, {
      method: init.method ?? 'GET',
      headers: {
        Authorization: `Bearer ${session.token}`,
        ...(init.body !== undefined ? { 'Content-Type': 'application/json' } : {}),
      },
      body: init.body !== undefined ? JSON.stringify(init.body) : undefined,
    });
  } catch {
    throw new ApiError(0, 'network', 'network');
  }
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { error?: { code?: string; message?: string; details?: unknown } } | null;
    const details = body?.error?.details;
    const plain = typeof details === 'object' && details !== null && !Array.isArray(details) ? (details as Record<string, unknown>) : {};
    throw new ApiError(response.status, body?.error?.code ?? 'error', body?.error?.message ?? response.statusText, plain);
  }
  if (response.status === 204) return undefined as T;
  const type = response.headers.get('content-type') ?? '';
  return (type.includes('application/json') ? await response.json() : await response.text()) as T;
}
