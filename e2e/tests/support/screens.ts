import { join } from "node:path";
import { expect, type Locator, type Page } from "@playwright/test";

/**
 * Pictures are for people looking at a local run. CI keeps none: nobody looks there, and a
 * full-page picture costs a two-core runner's busy browser about a second each.
 */
const PICTURES = process.env.CI !== "true";

const SIZES = [
  ["desktop", { width: 1440, height: 900 }],
  ["phone", { width: 390, height: 844 }],
] as const;

/** A picture under test-results/screens/<name>.png: the whole page, or just one element. */
export async function snap(target: Page | Locator, name: string): Promise<void> {
  if (!PICTURES) return;
  const path = join("test-results", "screens", `${name}.png`);
  if ("goto" in target) await target.screenshot({ path, fullPage: true });
  else await target.screenshot({ path });
}

/**
 * The page at desktop and at phone size (`<name>-desktop`, `<name>-phone`). It ends at desktop
 * size with pictures or without, so a journey goes on the same in CI as locally.
 */
export async function snapBothSizes(page: Page, name: string): Promise<void> {
  if (PICTURES) {
    for (const [size, viewport] of SIZES) {
      await page.setViewportSize(viewport);
      await snap(page, `${name}-${size}`);
    }
  }
  await page.setViewportSize(SIZES[0][1]);
}

/** No element wider than the phone's screen: nothing cut off or scrolling the page sideways. */
export async function expectFitsPhone(page: Page): Promise<void> {
  const overflow = await page.evaluate<number>(
    "document.documentElement.scrollWidth - document.documentElement.clientWidth",
  );
  expect(overflow).toBeLessThanOrEqual(0);
}
