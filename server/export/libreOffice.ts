import { execFile } from 'node:child_process';
import { access, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Output formats LibreOffice is asked for, by the extension of the file it writes. */
export const LIBREOFFICE_FORMATS = {
  txt: 'txt:Text (encoded):UTF8',
  pdf: 'pdf',
  // Flat ODF text keeps tracked changes (text:changed-region, with dc:creator and dc:date) in one XML file.
  fodt: 'fodt',
} as const;

/** Defaults of a conversion; the first start of LibreOffice with a fresh profile takes several seconds. */
export const LIBREOFFICE_DEFAULTS = { binary: 'soffice', timeoutMs: 120_000 } as const;

/**
 * Converts files with headless LibreOffice and returns the paths written in `outDir`. LibreOffice is how
 * the tests read an exported .docx as a user's office suite would. Each call uses a throw-away profile,
 * because two instances sharing one profile block each other.
 */
export async function convertWithLibreOffice(
  files: readonly string[],
  format: keyof typeof LIBREOFFICE_FORMATS,
  outDir: string,
  options: { readonly binary?: string; readonly timeoutMs?: number } = {},
): Promise<string[]> {
  const profile = await mkdtemp(join(tmpdir(), 'sajaro-lo-profile-'));
  let output: { stdout: string; stderr: string };
  try {
    output = await run(
      options.binary ?? LIBREOFFICE_DEFAULTS.binary,
      [
        `-env:UserInstallation=${pathToFileURL(profile).href}`,
        '--headless',
        '--convert-to',
        LIBREOFFICE_FORMATS[format],
        '--outdir',
        outDir,
        ...files,
      ],
      { timeout: options.timeoutMs ?? LIBREOFFICE_DEFAULTS.timeoutMs },
    );
  } finally {
    await rm(profile, { recursive: true, force: true });
  }
  const written = files.map((file) => join(outDir, `${basename(file, extname(file))}.${format}`));
  // soffice exits 0 even when a file could not be converted, so check what it wrote.
  for (const [i, path] of written.entries()) {
    await access(path).catch(() => {
      throw new Error(
        `[export] LibreOffice wrote no ${format} for ${files[i]}: ${output.stderr.trim() || output.stdout.trim()}`,
      );
    });
  }
  return written;
}
