/**
 * The path of a request target as the router sees it, for messages and the web-app fallback only (never for
 * a trust decision: those use the matched route). Drops an absolute-form scheme and host and the query, and
 * decodes percent-escapes when they are valid.
 */
export function decodedPath(target: string): string {
  const withoutOrigin = target.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i, '');
  const path = withoutOrigin.split(/[?#]/, 1)[0] || '/';
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}
