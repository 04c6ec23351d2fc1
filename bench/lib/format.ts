import type { Figure } from './figures';

/** A figure's value for people: thousands grouped, at most 3 decimals, '—' when not measured. */
export function formatValue(value: number | null): string {
  if (value === null) return '—';
  const abs = Math.abs(value);
  const digits = abs >= 100 ? 0 : abs >= 10 ? 1 : abs >= 1 ? 2 : 3;
  return value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: 0 }).replace(/,/g, ' ');
}

/** ✅, ❌ or '' for a figure with no goal; '?' when a goal's figure is missing. */
export function formatMet(figure: Figure): string {
  if (!figure.goal) return '';
  if (figure.met === null || figure.met === undefined) return '? not measured';
  return figure.met ? 'met' : 'MISSED';
}

/** A fixed-width text table for the terminal. */
export function textTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]): string => cells.map((c, i) => (i === 2 ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0))).join('  ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** A Markdown table; pipes inside cells are escaped. */
export function markdownTable(header: readonly string[], rows: readonly (readonly string[])[], rightAligned: readonly number[] = []): string {
  const cell = (text: string): string => text.replace(/\|/g, '\\|');
  const separator = header.map((_, i) => (rightAligned.includes(i) ? '---:' : '---'));
  return [header, separator, ...rows].map((r) => `| ${r.map(cell).join(' | ')} |`).join('\n');
}

/** The rows of the figure table: part, figure, value, unit, goal, met. */
export function figureRows(figures: readonly Figure[]): string[][] {
  return figures.map((f) => [f.part, f.label, formatValue(f.value), f.unit, f.goal?.text ?? '', formatMet(f)]);
}
