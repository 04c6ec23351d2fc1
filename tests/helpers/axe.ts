import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { AxeResults, Result } from 'axe-core';
import { ROOT } from './testServer';

/** axe-core's browser build, injected into the page under test (issue 15, accessibility). */
const AXE_SCRIPT = join(ROOT, 'node_modules', 'axe-core', 'axe.min.js');

/** The impacts that fail a page: WCAG A and AA problems a screen-reader or low-vision user is stopped by. */
export const FAILING_IMPACTS = ['serious', 'critical'] as const;

/** One violation, in a line a developer can act on: the rule, its impact, and the elements it found. */
export function describeViolation(violation: Result): string {
  const targets = violation.nodes.map((node) => `    ${node.target.join(' ')}: ${node.failureSummary?.replace(/\s+/g, ' ') ?? ''}`);
  return [`  ${violation.id} (${violation.impact}): ${violation.help} ${violation.helpUrl}`, ...targets].join('\n');
}

/**
 * Runs axe-core on the page (its context must bypass the app's CSP, which refuses injected scripts) as it is now, against WCAG 2.1 A and AA and axe's best practices, and returns the
 * serious and critical violations (none means the page passes).
 */
export async function seriousViolations(page: Page): Promise<Result[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE_SCRIPT });
  const results = await page.evaluate(
    () =>
      (window as unknown as { axe: { run: (context: Document, options: object) => Promise<AxeResults> } }).axe.run(document, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
        resultTypes: ['violations'],
      }),
  );
  // axe found rules to check and passed some: a blank or half-loaded page would not vouch for anything.
  if (results.passes.length === 0) throw new Error('axe-core checked nothing on this page: is it loaded?');
  return results.violations.filter((v) => (FAILING_IMPACTS as readonly string[]).includes(v.impact ?? ''));
}

/** Fails with every serious and critical violation printed when the page has any. */
export async function expectAccessible(page: Page, what: string): Promise<void> {
  const violations = await seriousViolations(page);
  if (violations.length > 0) {
    throw new Error(`axe-core found ${violations.length} serious or critical violation(s) on ${what}:\n${violations.map(describeViolation).join('\n')}`);
  }
}
