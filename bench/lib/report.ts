import { existsSync, readFileSync } from 'node:fs';
import { PARTS, type PartName } from './figures';
import { figureRows, formatMet, formatValue, markdownTable } from './format';
import type { Results } from './results';

/** Section headings for parts whose name alone does not say what they measure. */
const PART_HEADINGS: Partial<Record<PartName, string>> = { link: 'Link: a 40-page act on an emulated bad line (link, issue 14)' };

/**
 * Renders bench/RESULTS.md from the results: the goals beside the figures, every figure, each part's date,
 * mode and load, the notes, and the hand-written analysis of misses (bench/ANALYSIS.md) when there is one.
 */
export function renderResultsMarkdown(results: Results, analysisFile: string): string {
  const { machine, versions } = results;
  const ran = PARTS.filter((p) => results.parts[p]);
  const modes = new Set(ran.map((p) => results.parts[p]?.mode));
  const lines: string[] = [
    '# Benchmark results',
    '',
    `Written by \`npm run bench\` on ${results.updatedAt.slice(0, 10)} (${modes.size === 1 ? [...modes][0] : 'mixed quick and full'} run${modes.has('quick') ? ': **quick figures are from a reduced load, for a quick look only**' : ''}). ` +
      'Regenerate with `npm run bench`; `bench/results/latest.json` holds the same figures with the machine and versions. A goal missed is a finding, not a failure.',
    '',
    '## Goals (issues 8 and 14)',
    '',
    markdownTable(
      ['part', 'figure', 'value', 'unit', 'goal', 'met'],
      results.goals.map((f) => [f.part, f.label, formatValue(f.value), f.unit, f.goal?.text ?? '', formatMet(f)]),
      [2],
    ),
    '',
    '## Machine and versions',
    '',
    `- ${machine.cpuModel}, ${machine.cores} cores, ${(machine.memoryBytes / 2 ** 30).toFixed(1)} GiB, Linux ${machine.kernel}, Node ${machine.node}; ` +
      `load average at the start of the run ${machine.loadAverageAtStart.join(' / ')} (1 / 5 / 15 min; a shared machine, so other work competes for the 2 cores).`,
    `- ${Object.entries(versions)
      .map(([name, version]) => `${name} ${version ?? '(missing)'}`)
      .join(', ')}.`,
    '',
  ];
  for (const part of ran) {
    const record = results.parts[part];
    if (!record) continue;
    lines.push(
      `## ${PART_HEADINGS[part] ?? part}`,
      '',
      `${record.mode} run on ${record.ranAt.replace('T', ' ').slice(0, 16)} UTC, ${Math.round(record.seconds)} s, seed ${record.seed}, ` +
        (record.commit ? `commit ${record.commit}, ` : '') +
        `load average ${record.loadAverageAtStart.join(' / ')} at the start and ${record.loadAverageAtEnd.join(' / ')} at the end.` +
        (record.error ? ` **The part failed:** ${record.error}` : ''),
      '',
      markdownTable(['part', 'figure', 'value', 'unit', 'goal', 'met'], figureRows(record.figures), [2]),
      '',
      ...record.notes.map((n) => `- ${n}`),
      '',
    );
  }
  if (existsSync(analysisFile)) lines.push(readFileSync(analysisFile, 'utf8').trim(), '');
  return lines.join('\n');
}
