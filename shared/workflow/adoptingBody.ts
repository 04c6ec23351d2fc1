import { z } from 'zod';

/**
 * Who adopts an act, chosen when it is created (issue 13 §5): the council (Sakrebulo) by an ordinance, the
 * default, or the Mayor by an order (ბრძანება), as anti-corruption strategies and action plans are. It picks
 * the act's workflow, its type, its header and its signature.
 */
export const ADOPTING_BODIES = ['council', 'mayor'] as const;
/** One adopting body. */
export type AdoptingBody = (typeof ADOPTING_BODIES)[number];

/** The adopting body of an act created without naming one. */
export const DEFAULT_ADOPTING_BODY: AdoptingBody = 'council';

/** The schema of an adopting body in a request or a template file. */
export const AdoptingBodySchema = z.enum(ADOPTING_BODIES, { error: "expected 'council' or 'mayor'" });

/** True for a known adopting body; stored rows and query strings are checked with it. */
export function isAdoptingBody(raw: unknown): raw is AdoptingBody {
  return typeof raw === 'string' && (ADOPTING_BODIES as readonly string[]).includes(raw);
}
