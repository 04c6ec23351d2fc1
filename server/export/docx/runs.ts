import { Tab, TextRun } from 'docx';

/**
 * The runs of a piece of act text. Text from the editor keeps its line breaks ("\n") and tabs ("\t"); Word
 * needs them as break and tab elements, since a literal newline in a run shows as a space.
 */
export function textRuns(text: string): TextRun[] {
  return text.split('\n').map(
    (line, i) =>
      new TextRun({
        ...(i > 0 ? { break: 1 } : {}),
        children: line.split('\t').flatMap((part, j) => (j === 0 ? [part] : [new Tab(), part])),
      }),
  );
}

/** Runs of several texts, one after another, separated as `separator` says. */
export function joinedRuns(texts: readonly string[], separator: 'tab' | 'break'): TextRun[] {
  return texts.flatMap((text, i) => {
    const runs = textRuns(text);
    if (i === 0) return runs;
    return [
      separator === 'tab' ? new TextRun({ children: [new Tab()] }) : new TextRun({ break: 1 }),
      ...runs,
    ];
  });
}
