import type { DocumentModel } from '../../shared/model/documentModel';
import type { ExportContext } from '../../shared/model/exportContext';
import { bareActNumber, exportHeader, NUMBER_SIGN } from './actHeader';
import { transliterateGeorgian } from './transliterate';

/** The extensions of the exports, with the double extension that marks Akoma Ntoso XML. */
export const EXPORT_EXTENSIONS = ['docx', 'akn.xml'] as const;
/** An export's file extension. */
export type ExportExtension = (typeof EXPORT_EXTENSIONS)[number];

/** Limits of a file name before its extension. */
export const FILE_NAME_LIMITS = {
  /** What a person can read in a file dialog. */
  maxChars: 120,
  /**
   * ext4, APFS and most file systems cap a name at 255 UTF-8 bytes, and a Georgian letter takes 3: 120
   * Georgian letters would not fit, so bytes are capped too, leaving room for the extension and a " (2)".
   */
  maxBytes: 200,
  /** When nothing usable is left of the act's own words. */
  fallback: 'act',
} as const;

// Characters Windows forbids, plus the separators of every OS.
const FORBIDDEN = /[/\\:*?"<>|]/g;
// Control, format (bidi overrides that disguise an extension) and lone surrogate code points.
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Cs}]/gu;
// Names Windows reserves for devices, with or without an extension.
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i;

/**
 * The name of an exported act, from its type label, number and title: "დადგენილება № 12 ცხელი ხაზის
 * შესახებ.docx". It is safe on every OS, keeps Georgian letters, is length-capped and never empty. An
 * adopted act's number comes from `context`, as in the exported document.
 */
export function exportFileName(
  model: DocumentModel,
  extension: ExportExtension,
  context: Pick<ExportContext, 'adoption'> = {},
): string {
  const header = exportHeader(model, context);
  const number = bareActNumber(header.number);
  const parts = [header.actTypeLabel, number ? `${NUMBER_SIGN} ${number}` : '', model.title];
  return `${safeBaseName(parts.join(' '))}.${extension}`;
}

/** Any text made into a safe file base name (without extension), `fallback` when nothing is left. */
export function safeBaseName(text: string): string {
  let name = text
    .normalize('NFC')
    .replace(INVISIBLE, ' ')
    .replace(FORBIDDEN, ' ')
    .replace(/\s+/gu, ' ')
    // A word of dots alone ("..") means nothing in a name and reads as a path.
    .replace(/(^| )\.+(?= |$)/g, '$1')
    .replace(/ {2,}/g, ' ');
  name = trimEnds(truncate(trimEnds(name)));
  if (WINDOWS_DEVICE.test(name)) name = `${name}_`;
  return name === '' ? FILE_NAME_LIMITS.fallback : name;
}

/** Leading and trailing dots and spaces: Windows drops trailing ones, and a leading dot hides a file. */
function trimEnds(name: string): string {
  return name.replace(/^[\s.]+|[\s.]+$/gu, '');
}

/** What marks a name cut short: one character, so a reader sees the title goes on. */
const ELLIPSIS = '…';
// Punctuation that reads as unfinished at the end of a cut name ("ეთიკის კოდექსი —", "On gifts, (").
const DANGLING = /[\s\-–—,;:(„“«[]+$/u;

/**
 * Cuts to the character and byte limits. A cut name ends at a word boundary, without dangling punctuation, and
 * with an ellipsis, so "…ცხელი ხაზის…" never becomes "…ცხელი ხა" (issue 15). A single word longer than the
 * limit is cut inside it, since nothing else fits.
 */
function truncate(name: string): string {
  const encoder = new TextEncoder();
  const bytesOf = (s: string): number => encoder.encode(s).length;
  if (Array.from(name).length <= FILE_NAME_LIMITS.maxChars && bytesOf(name) <= FILE_NAME_LIMITS.maxBytes) {
    return name;
  }
  const roomChars = FILE_NAME_LIMITS.maxChars - 1;
  const roomBytes = FILE_NAME_LIMITS.maxBytes - bytesOf(ELLIPSIS);
  let out = '';
  let bytes = 0;
  for (const ch of Array.from(name).slice(0, roomChars)) {
    bytes += bytesOf(ch);
    if (bytes > roomBytes) break;
    out += ch;
  }
  // The character after the cut tells whether the cut fell between two words or inside one.
  const cutBetweenWords = /^\s/u.test(name.slice(out.length));
  const lastSpace = out.lastIndexOf(' ');
  const whole = cutBetweenWords ? out : lastSpace > 0 ? out.slice(0, lastSpace) : out;
  return `${whole.replace(DANGLING, '')}${ELLIPSIS}`;
}

/** A file name split into its base and its extension (with the dot; '' when it has none). */
function splitExtension(fileName: string): [string, string] {
  const dot = fileName.search(/\.(akn\.xml|[A-Za-z0-9]{1,10})$/);
  return dot > 0 ? [fileName.slice(0, dot), fileName.slice(dot)] : [fileName, ''];
}

/**
 * A Content-Disposition header for downloading `fileName` (RFC 6266): an ASCII `filename` for old clients,
 * Georgian romanized, and the exact name in `filename*` as percent-encoded UTF-8 (RFC 5987). The name is made
 * safe here too (`safeBaseName`), so no caller can put a path, a line break or a header of its own into it.
 */
export function contentDisposition(fileName: string): string {
  const [base, extension] = splitExtension(fileName);
  const safe = `${safeBaseName(base)}${extension}`;
  return `attachment; filename="${asciiFileName(safe)}"; filename*=UTF-8''${encodeRfc5987(safe)}`;
}

/** The ASCII stand-in for a file name: romanized, accents dropped, nothing a quoted-string cannot hold. */
export function asciiFileName(fileName: string): string {
  const [base, extension] = splitExtension(fileName);
  // `;` is legal in a quoted-string, but naive header parsers split on it.
  const ascii = transliterateGeorgian(base.normalize('NFKD'))
    .replace(/[\u0300-\u036f„“”«»"\\%;]/g, '')
    .replace(/[^\x20-\x7e]/g, '_')
    .replace(/_+/g, '_');
  const safe = safeBaseName(ascii);
  return `${/^[_ ]*$/.test(safe) ? FILE_NAME_LIMITS.fallback : safe}${extension}`;
}

/** Percent-encodes all but RFC 5987's attr-char, which is narrower than encodeURIComponent's set. */
function encodeRfc5987(value: string): string {
  return encodeURIComponent(value).replace(
    /['()*]/g,
    (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}
