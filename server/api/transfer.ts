import { basename, relative, sep } from 'node:path';
import { constants as zlib } from 'node:zlib';
import type { FastifyInstance, FastifyReply } from 'fastify';
import fastifyCompress from '@fastify/compress';

/**
 * How the HTTP side keeps transfers small on a poor line (issue 14), named once. Members on rural links pay
 * for every byte: the act's model is ~440 kB of JSON and the renderer's script ~900 kB, both text that
 * Brotli or gzip shrinks to a fraction.
 */
export const TRANSFER_DEFAULTS = {
  /**
   * Smaller in-memory responses go as they are: below about one TCP segment compression cannot save a round
   * trip, and the encoding's own framing eats most of the gain.
   */
  compressThresholdBytes: 1024,
  /**
   * Brotli's quality for responses compressed per request. 4 is @fastify/compress's default: near gzip -9's
   * size at gzip -6's speed; 11 would be a few percent smaller but about 50 times slower for a 900 kB script.
   */
  brotliQuality: 4,
  /** Content-hashed files never change under their name: a browser keeps them a year without asking. */
  immutableCacheControl: 'public, max-age=31536000, immutable',
  /** The page and the service worker name the current assets: a browser asks every time (a 304 when unchanged). */
  revalidateCacheControl: 'no-cache',
} as const;

/**
 * Registers response compression for every route registered after it (the API, the static files, exports):
 * Brotli or gzip as the request's Accept-Encoding negotiates. What it leaves alone:
 * - event streams (`/api/events`, review events) hijack their reply, so no onSend hook runs on them and each
 *   event leaves at once; the plugin's default types exclude text/event-stream besides;
 * - types that mime-db marks incompressible, such as .docx (a zip whose parts docx already deflated), images
 *   and fonts;
 * - request bodies: decompressing them is not needed by any client and would let a small gzip body inflate
 *   past the body limit's intent, so request decompression is off.
 * Must be awaited before any route is registered (its onRoute hook attaches to routes as they come).
 */
export async function registerCompression(app: FastifyInstance): Promise<void> {
  await app.register(fastifyCompress, {
    global: true,
    globalDecompression: false,
    encodings: ['br', 'gzip'],
    threshold: TRANSFER_DEFAULTS.compressThresholdBytes,
    brotliOptions: {
      params: {
        [zlib.BROTLI_PARAM_MODE]: zlib.BROTLI_MODE_TEXT,
        [zlib.BROTLI_PARAM_QUALITY]: TRANSFER_DEFAULTS.brotliQuality,
      },
    },
  });
}

/** Vite names its build output `assets/<name>-<hash>.<ext>`; the hash is 8 characters of base64url. */
const CONTENT_HASHED = /-[A-Za-z0-9_-]{8,}\.[a-z0-9]+$/;

/** True for a file of the renderer build whose name carries its content hash (vite's assets/ folder). */
export function isContentHashedAsset(relativePath: string): boolean {
  const parts = relativePath.split(/[\\/]/);
  return parts.length === 2 && parts[0] === 'assets' && CONTENT_HASHED.test(parts[1]!);
}

/**
 * The Cache-Control of a file of the renderer build, for @fastify/static's `setHeaders`: hashed assets are
 * immutable, everything else (index.html, sw.js, public files) is revalidated on every use, so a returning
 * browser downloads nothing but what changed. The service worker (renderer/public/sw.js) keeps its own copy
 * of the shell for offline use and is unaffected: it fetches the page with `cache: 'no-store'`.
 */
export function staticCacheHeaders(rendererDir: string) {
  return (reply: FastifyReply, filePath: string): void => {
    // A precompressed variant (`index-<hash>.js.br`) is the same content as the file it encodes.
    const inside = relative(rendererDir, filePath).split(sep).join('/').replace(/\.(br|gz)$/, '');
    const hashed = isContentHashedAsset(inside) && basename(filePath) !== 'index.html';
    void reply.header('Cache-Control', hashed ? TRANSFER_DEFAULTS.immutableCacheControl : TRANSFER_DEFAULTS.revalidateCacheControl);
  };
}
