import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import i18next from 'i18next';
import { describe, expect, test } from 'vitest';
import { ApiError } from '../../renderer/src/connection/api';
import { errorText } from '../../renderer/src/errors/errorText';
import { en } from '../../renderer/src/i18n/en';
import { ka } from '../../renderer/src/i18n/ka';
import { API_ERROR_CODES, isApiErrorCode, type ApiErrorCode, type ApiErrorDetailsByCode } from './errorCodes';

const ROOT = join(__dirname, '..', '..');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

// The ways server code names an error code: apiError('x', …), the services' refuse(409, 'x', …) and
// conflict('x', …), the sync endpoint's rejectUpgrade(socket, 401, 'x', …), and refusal objects { code: 'x' }.
const CODE_PATTERNS = [
  /apiError\(\s*'([a-z_]+)'/g,
  /\brefuse\(\s*(?:\d{3}\s*,\s*)?'([a-z_]+)'/g,
  /\bconflict\(\s*'([a-z_]+)'/g,
  /rejectUpgrade\(\s*socket\s*,\s*\d{3}\s*,\s*'([a-z_]+)'/g,
  /\bcode:\s*'([a-z_]+)'/g,
];

/** Every code literal in server/, with the files that use it. */
function codesInServerSources(): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const file of sources(join(ROOT, 'server'))) {
    const text = readFileSync(file, 'utf8');
    for (const pattern of CODE_PATTERNS) {
      for (const match of text.matchAll(pattern)) found.set(match[1]!, [...(found.get(match[1]!) ?? []), relative(ROOT, file)]);
    }
  }
  return found;
}

/** Details of the richest shape for each code, so each sentence is made with everything it can name. */
const SAMPLE_DETAILS: Partial<{ [C in ApiErrorCode]: ApiErrorDetailsByCode[C] }> = {
  bad_request: { field: 'title', issue: 'too_long', limit: 300 },
  forbidden: { permission: 'createDocument', role: 'reviewer' },
  not_found: { resource: 'document' },
  payload_too_large: { limitBytes: 1024 * 1024 },
  rate_limited: { retryAfterSeconds: 30 },
  illegal_transition: { from: 'legal_review', to: 'commission' },
  review_incomplete: { articles: [{ label: 'მუხლი 1', status: 'needs_rereview' }], blockingComments: 1 },
};

const LATIN = /[A-Za-z]/;

async function translator(lng: 'ka' | 'en') {
  const instance = i18next.createInstance();
  await instance.init({ resources: { ka: { translation: ka }, en: { translation: en } }, lng, fallbackLng: false, interpolation: { escapeValue: false } });
  return instance.t;
}

describe('the error catalogue (issue 15)', () => {
  test('every code the server sources name is in the catalogue', () => {
    const found = codesInServerSources();
    // The scan must see the codes we know are there, or it proves nothing.
    for (const known of ['bad_request', 'forbidden', 'unauthorized', 'review_incomplete', 'illegal_transition', 'last_coordinator', 'quote_not_found', 'not_in_force']) {
      expect(found.has(known), `the scan found no '${known}'`).toBe(true);
    }
    const missing = [...found.keys()].filter((code) => !isApiErrorCode(code)).map((code) => `${code} (${found.get(code)!.join(', ')})`);
    expect(missing, 'codes used in server/ without an entry in shared/api/errorCodes.ts').toEqual([]);
  });

  test('every code has a Georgian and an English sentence', () => {
    const missing = API_ERROR_CODES.filter((code) => !(en.apiErrors.codes as Record<string, string>)[code]?.trim() || !(ka.apiErrors.codes as Record<string, string>)[code]?.trim());
    expect(missing).toEqual([]);
  });

  test('in a Georgian UI every code reads as Georgian only, never as the server sentence', async () => {
    const t = await translator('ka');
    const stageLabel = (id: string) => ({ legal_review: 'იურიდიული ექსპერტიზა', commission: 'კომისია' })[id] ?? id;
    for (const code of API_ERROR_CODES) {
      const error = new ApiError(409, code, 'Cannot leave legal review: the English sentence of the server', SAMPLE_DETAILS[code] ?? {});
      const text = errorText(t, error, { stageLabel });
      expect(text, code).not.toMatch(LATIN);
      expect(text, code).not.toContain('{{');
      expect(text.length, code).toBeGreaterThan(10);
    }
  });

  test('in an English UI every code reads as its own sentence, with the details filled in', async () => {
    const t = await translator('en');
    for (const code of API_ERROR_CODES) {
      const text = errorText(t, new ApiError(409, code, 'the server sentence', SAMPLE_DETAILS[code] ?? {}));
      expect(text, code).not.toContain('the server sentence');
      expect(text, code).not.toContain('{{');
      expect(text, code).not.toContain('apiErrors.');
    }
    expect(errorText(t, new ApiError(400, 'bad_request', 'x', SAMPLE_DETAILS.bad_request))).toBe('The server could not accept this: The title is too long (at most 300 characters).');
    expect(errorText(t, new ApiError(403, 'forbidden', 'x', SAMPLE_DETAILS.forbidden))).toBe('Your role (Reviewer (lawyer)) does not allow you to create acts.');
  });

  test('a refused move out of legal review names the articles and why, in Georgian', async () => {
    const t = await translator('ka');
    const text = errorText(t, new ApiError(409, 'review_incomplete', 'x', SAMPLE_DETAILS.review_incomplete));
    expect(text).toContain('მუხლი 1 (შეიცვალა დამტკიცების შემდეგ)');
    expect(text).toContain('ბლოკირებადი შენიშვნები: 1');
  });

  test('hostile or unknown details and codes fall back to a general sentence', async () => {
    const t = await translator('ka');
    expect(errorText(t, new ApiError(418, 'teapot', 'I am a teapot'))).toBe(ka.apiErrors.unknown);
    const hostile = errorText(t, new ApiError(400, 'bad_request', 'x', { field: '__proto__', issue: 'constructor', limit: 5 }));
    expect(hostile).not.toMatch(LATIN);
    const forbidden = errorText(t, new ApiError(403, 'forbidden', 'x', { permission: 'toString', role: 'hasOwnProperty' }));
    expect(forbidden).not.toMatch(LATIN);
  });
});
