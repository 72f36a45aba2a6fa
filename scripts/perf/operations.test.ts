import { describe, expect, it } from "vitest";
import { OPERATIONS as CORE } from "./core-operations";
import { OPERATIONS as ENGINE } from "./engine-operations";

/**
 * The gate counts instructions only of commands that did what their name says: a step throws
 * when its command is rejected, so a change to the core or the wire that turned a measured
 * command into a rejection fails here, quickly, instead of quietly making the figure cheaper.
 */
describe("the gated operations", () => {
  const operations = { ...CORE, ...ENGINE };

  it("are the four workloads, each alone and through the engine's path", () => {
    expect(Object.keys(operations).sort()).toEqual([
      "core/cancel",
      "core/deposit",
      "core/place-crossing",
      "core/place-resting",
      "engine/cancel",
      "engine/deposit",
      "engine/place-crossing",
      "engine/place-resting",
    ]);
  });

  for (const [name, operation] of Object.entries(operations)) {
    it(`${name}: every repetition is accepted`, () => {
      const step = operation.prepare(300);
      for (let i = 0; i < 300; i++) step(i);
    });
  }
});
