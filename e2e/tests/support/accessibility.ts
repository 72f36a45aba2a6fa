import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

/**
 * Runs axe-core on the page as it stands (WCAG 2.1 A and AA rules) and fails on any serious or
 * critical violation, naming the rule and the elements, so the fix is findable from the report.
 * The check is soft: a journey goes on to its next page and reports every page's findings.
 */
export async function expectAccessible(page: Page, context?: string) {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  const blocking = results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map(
      (violation) =>
        `${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes
          .slice(0, 5)
          .map((node) => node.target.join(" "))
          .join(", ")}`,
    );
  expect.soft(blocking, `accessibility of ${context ?? page.url()}`).toEqual([]);
}
