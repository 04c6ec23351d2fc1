import type { Language } from '../lang/language';
import type { Municipality } from '../lang/municipalities';
import type { AdoptingBody } from '../workflow/adoptingBody';
import type { BlockSpec, InlineSpec } from './actOutline';
import { adoptingBodyText } from './adoptingBodyText';

/**
 * Rewrites an act's outline, written as `from` adopts it, into the form `to` adopts it (issue 13 §5): the
 * header's body and type, the enacting formula, the signatory and the act's name for itself ("ეს
 * დადგენილება" becomes "ეს ბრძანება"). Templates are written once, for their own body; an act made from
 * one for the other body reads as that body's act.
 */
export function outlineForBody(blocks: readonly BlockSpec[], from: AdoptingBody, to: AdoptingBody, language: Language, municipality: Municipality): BlockSpec[] {
  if (from === to) return [...blocks];
  const was = adoptingBodyText(from, language);
  const now = adoptingBodyText(to, language);
  const renamed = (text: string): string => replaceSelfReference(text, was.selfReference, now.selfReference);
  const inline = (spec: readonly InlineSpec[]): InlineSpec[] => spec.map((run) => ('text' in run ? { text: renamed(run.text) } : run));
  const line = (text: string): InlineSpec[] => [{ text }];
  return blocks.map((block): BlockSpec => {
    if (block.type === 'table') return { ...block, rows: block.rows.map((row) => row.map(renamed)) };
    if (block.type !== 'part') return { ...block, inline: inline(block.inline) };
    switch (block.part) {
      case 'issuingBody':
        return { ...block, inline: line(now.issuingBody(municipality)) };
      case 'actType':
        return { ...block, actType: now.actType, inline: line(now.actTypeLabel) };
      case 'formula':
        return { ...block, inline: line(now.formula(municipality)) };
      case 'signature':
        return { ...block, inline: signatureLine(block.inline, was.signatory, now.signatory) };
      default:
        return { ...block, inline: inline(block.inline) };
    }
  });
}

/** The signature line with the new signatory's title in place of the old one, and the name kept. */
function signatureLine(spec: readonly InlineSpec[], was: string, now: string): InlineSpec[] {
  const [first, ...rest] = spec;
  if (first && 'text' in first && first.text.startsWith(was)) return [{ text: now + first.text.slice(was.length) }, ...rest];
  return [...spec];
}

/** Both the capitalised and the lower-case form, so "this ordinance" inside a sentence is renamed too. */
function replaceSelfReference(text: string, was: string, now: string): string {
  const lower = (s: string): string => s.charAt(0).toLowerCase() + s.slice(1);
  return text.split(was).join(now).split(lower(was)).join(lower(now));
}
