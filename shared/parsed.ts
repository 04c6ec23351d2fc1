/** The result of parsing outside input: a value, or a sentence that names what was wrong. */
export type Parsed<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: string };

/** Wraps a value as a successful parse. */
export function ok<T>(value: T): Parsed<T> {
  return { ok: true, value };
}

/** Wraps an error sentence as a failed parse. */
export function fail<T = never>(error: string): Parsed<T> {
  return { ok: false, error };
}

/** Throws when an internal assumption breaks; bad outside input never reaches this. */
export function invariant(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}
