import { join } from "node:path";
import { expect, type Page } from "@playwright/test";

/** A full-page screenshot under test-results/screens, to look at after a run. */
export async function snap(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join("test-results", "screens", `${name}.png`), fullPage: true });
}

/** No element wider than the phone's screen: nothing cut off or scrolling the page sideways. */
export async function expectFitsPhone(page: Page): Promise<void> {
  const overflow = await page.evaluate<number>(
    "document.documentElement.scrollWidth - document.documentElement.clientWidth",
  );
  expect(overflow).toBeLessThanOrEqual(0);
}
