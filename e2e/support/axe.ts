import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { AssertionError } from './expect';

// Evaluated through the DevTools protocol: the app's Content-Security-Policy forbids injected <script> tags.
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

type AxeViolation = { id: string; impact: string | null; help: string; nodes: { target: string[] }[] };
type AxeWindow = {
  axe: { run: (context: Document, options: object) => Promise<{ violations: AxeViolation[] }> };
};

/** Impacts that fail the suite (issue 8: "no serious or critical violation on any page"). */
const BLOCKING = new Set(['serious', 'critical']);

/**
 * Runs axe-core (WCAG 2.1 A and AA rules) on the page as it is now and fails on any serious or critical
 * violation, naming the rule and the elements.
 */
export const expectAccessible = async (page: Page, what: string): Promise<void> => {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const { axe } = window as unknown as AxeWindow;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      resultTypes: ['violations'],
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.map((n) => n.target.join(' ')),
    }));
  });
  const blocking = violations.filter(
    (violation) => violation.impact !== null && BLOCKING.has(violation.impact),
  );
  if (blocking.length > 0) {
    const lines = blocking.map((v) => `${v.impact} ${v.id} (${v.help}): ${v.targets.slice(0, 5).join(', ')}`);
    throw new AssertionError(`${what}: accessibility violations\n  ${lines.join('\n  ')}`);
  }
};

/** The page must not scroll sideways at its current viewport (layouts work at 360 px). */
export const expectNoSidewaysScroll = async (page: Page, what: string): Promise<void> => {
  const { overflow, widest } = await page.evaluate(() => {
    // The element reaching furthest right names the culprit in the failure.
    let culprit = { right: 0, name: '' };
    // (No named functions in here: the test runner's transform would wrap them in a helper the page lacks.)
    for (const element of document.body.querySelectorAll('*')) {
      const right = element.getBoundingClientRect().right;
      let clipped = false;
      for (let up = element.parentElement; up !== null && up !== document.body; up = up.parentElement)
        if (getComputedStyle(up).overflowX !== 'visible') clipped = true;
      if (clipped) continue;
      if (right > culprit.right)
        culprit = { right, name: `${element.tagName.toLowerCase()}.${[...element.classList].join('.')}` };
    }
    return {
      overflow: document.documentElement.scrollWidth - window.innerWidth,
      widest: `${culprit.name} (right edge ${Math.round(culprit.right)}px)`,
    };
  });
  if (overflow > 0)
    throw new AssertionError(`${what}: the page scrolls sideways by ${overflow}px; widest: ${widest}`);
};
