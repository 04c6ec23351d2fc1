import { round } from './stats';

/** The benchmark parts, in the order `npm run bench` runs them. */
export const PARTS = ['sync', 'storage', 'editor', 'export', 'link'] as const;
/** One benchmark part. */
export type PartName = (typeof PARTS)[number];

/** A goal from issue 8 (or 14, the link part), checked against one figure. A miss is a finding to report, not a failure. */
export interface Goal {
  /** As the issue states it, e.g. "≤ 1.1× baseline". */
  readonly text: string;
  readonly op: '<' | '<=' | '>=';
  readonly target: number;
}

/** One measured figure with its unit, and its goal if the issue sets one. */
export interface Figure {
  readonly part: PartName;
  readonly key: string;
  readonly label: string;
  readonly value: number | null;
  readonly unit: string;
  readonly goal?: Goal;
  /** Whether the goal was met; null when the figure could not be measured. */
  readonly met?: boolean | null;
  /** How the figure was obtained, when the label does not say. */
  readonly note?: string;
}

/** What a part hands back: its figures and its notes (methods, what was skipped, why a goal was missed). */
export interface PartOutput {
  readonly figures: Figure[];
  readonly notes: string[];
  /** Why the part could not run on this machine; a skipped part keeps its previous results. */
  readonly skipped?: string;
}

/** Collects a part's figures and notes. */
export interface Recorder {
  /** Records a figure; a NaN or missing value is kept as null (not measured), never as a number. */
  figure(key: string, label: string, value: number | null | undefined, unit: string, extra?: { goal?: Goal; note?: string }): Figure;
  note(text: string): void;
  output(): PartOutput;
}

/** A recorder for one part. */
export function recorder(part: PartName): Recorder {
  const figures: Figure[] = [];
  const notes: string[] = [];
  return {
    figure(key, label, value, unit, extra = {}) {
      const measured = typeof value === 'number' && Number.isFinite(value) ? round(value, 4) : null;
      const figure: Figure = {
        part,
        key: `${part}.${key}`,
        label,
        value: measured,
        unit,
        ...(extra.goal ? { goal: extra.goal, met: measured === null ? null : meets(measured, extra.goal) } : {}),
        ...(extra.note ? { note: extra.note } : {}),
      };
      figures.push(figure);
      return figure;
    },
    note: (text) => void notes.push(text),
    output: () => ({ figures, notes }),
  };
}

/** Whether a value meets a goal. */
export function meets(value: number, goal: Goal): boolean {
  switch (goal.op) {
    case '<':
      return value < goal.target;
    case '<=':
      return value <= goal.target;
    case '>=':
      return value >= goal.target;
  }
}

/** The goals of issues 8 and 14, named once. */
export const GOALS = {
  syncFanoutRatio: { text: '≤ 1.1× baseline', op: '<=', target: 1.1 },
  syncFanoutP95: { text: '< 50 ms', op: '<', target: 50 },
  storageAppends: { text: '≥ 20 000 /s', op: '>=', target: 20_000 },
  storageLoadCompacted: { text: '< 200 ms', op: '<', target: 200 },
  editorEditable: { text: '< 1.5 s', op: '<', target: 1_500 },
  editorKeystrokeP95: { text: '< 16 ms', op: '<', target: 16 },
  editorRemoteP95: { text: '< 4 ms', op: '<', target: 4 },
  exportDocx: { text: '< 2 s', op: '<', target: 2_000 },
  exportVsPandoc: { text: '< 1× pandoc (faster)', op: '<', target: 1 },
  // Issue 14, on the emulated bad link.
  linkColdOpen: { text: '< 15 s', op: '<', target: 15_000 },
  linkWarmOpen: { text: '< 1 s', op: '<', target: 1_000 },
  linkRemoteP95: { text: '< 1.5 s', op: '<', target: 1_500 },
} as const satisfies Record<string, Goal>;

/** Sajaro's figure over the baseline's, or null when either is missing or the baseline is zero. */
export function ratio(sajaro: number | null, baseline: number | null): number | null {
  return sajaro === null || baseline === null || baseline === 0 ? null : sajaro / baseline;
}
