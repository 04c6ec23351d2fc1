import type { ApiErrorCode } from '../../shared/api/errorCodes';
import type { NewSuggestionRequest } from '../../shared/api/suggestions';
import { pointRef, rangeRef, type SpanRef } from '../../shared/review/suggestionSpan';
import { checkAnchorPositions, resolveTextAnchor } from '../../shared/review/textAnchor';
import type { ActPlaces } from './suggestionPlacement';
import { refuse, type SuggestionFailure } from './suggestionResult';

/** Where a new suggestion's quote stands, and its article. */
export interface NewPlacement {
  readonly position: SpanRef;
  readonly articleKey: string | null;
}

const cut = (text: string, n = 80): string => (text.length > n ? `${text.slice(0, n)}…` : text);
const conflict = (code: ApiErrorCode, error: string): SuggestionFailure => refuse(409, code, error);

/** Every offset at which `quote` starts in `text`, overlapping ones included. */
function occurrences(text: string, quote: string): number[] {
  const out: number[] = [];
  for (let at = text.indexOf(quote); at >= 0; at = text.indexOf(quote, at + 1)) out.push(at);
  return out;
}

/**
 * Finds a new suggestion's quote in the current text of its block (issue 12): at the client's anchor when it
 * resolves to the quote in that block, else at `target.offset`, else by looking the quote up (the
 * `occurrence`-th when it occurs more than once), and places a position on it that follows later edits.
 */
export function placeNewSuggestion(at: ActPlaces, request: NewSuggestionRequest): { ok: true; value: NewPlacement } | SuggestionFailure {
  const { blockKey, quote, occurrence, offset } = request.target;
  const top = at.keys.indexOf(blockKey);
  const segment = top >= 0 ? at.act.segmentAt([top]) : -1;
  if (segment < 0) {
    return conflict('block_not_found', `No block '${cut(blockKey)}' in the act: expected the key of a block in GET …/model, or title:0, preamble:0, … for blocks without one`);
  }
  const text = at.act.segments[segment]!.text;
  let start: number | null = null;

  if (request.anchor) {
    const bad = checkAnchorPositions(request.anchor);
    if (bad) return refuse(400, 'bad_request', bad);
    const r = resolveTextAnchor(at.doc, request.anchor, at.act);
    // An anchor placed in a copy that has edits the server has not received yet is of no help: look the quote up.
    if (r.state === 'anchored' && r.text === quote && r.start && r.end && r.start.segment === segment && r.end.segment === segment) start = r.start.offset;
  }
  if (start === null && quote === '') {
    if ((offset ?? 0) > text.length) return conflict('offset_out_of_range', `Offset ${offset} lies beyond the ${text.length} characters of block '${blockKey}'`);
    start = offset ?? 0;
  } else if (start === null && offset !== undefined) {
    if (!text.startsWith(quote, offset)) return conflict('quote_not_found', `The quote '${cut(quote)}' does not stand at offset ${offset} of block '${blockKey}'`);
    start = offset;
  } else if (start === null) {
    const found = occurrences(text, quote);
    if (!found.length) {
      return conflict('quote_not_found', `The quote '${cut(quote)}' does not occur in block '${blockKey}' (its text now: '${cut(text)}'; cross-references and line breaks are not part of it)`);
    }
    if (occurrence !== undefined && occurrence >= found.length) {
      return conflict('quote_not_found', `The quote '${cut(quote)}' occurs ${found.length} times in block '${blockKey}': occurrence ${occurrence} does not exist (0 is the first)`);
    }
    if (occurrence === undefined && found.length > 1) {
      return conflict('ambiguous_quote', `The quote '${cut(quote)}' occurs ${found.length} times in block '${blockKey}': expected target.occurrence (0 to ${found.length - 1}) or target.offset`);
    }
    start = found[occurrence ?? 0]!;
  }

  const from = { top, offset: start };
  const placed = quote ? rangeRef(at.act, from, { top, offset: start + quote.length }) : pointRef(at.act, from);
  if (!placed.ok) return conflict('quote_not_found', placed.error);
  return { ok: true, value: { position: placed.value, articleKey: at.places[top]?.key ?? null } };
}
