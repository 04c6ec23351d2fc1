/**
 * JSON with one spelling per value, so that a hash of it is stable: object keys sorted recursively (by UTF-16
 * code units, as RFC 8785 does), no whitespace, and JavaScript's shortest number form. The value is first
 * read as `JSON.stringify` reads it (`toJSON`, dropped `undefined` properties and functions, non-finite
 * numbers as null), so what is hashed is exactly what a JSON column stores and reads back.
 */
export function canonicalJson(value: unknown): string {
  const plain: unknown = value === undefined ? null : JSON.parse(JSON.stringify(value) ?? 'null');
  return write(plain);
}

function write(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(write).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${write(record[k])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
