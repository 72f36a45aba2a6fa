import { describe, expect, it } from "vitest";
import { IdMap } from "./id-map";
import { Prng } from "./simulation/prng";

describe("IdMap", () => {
  it("behaves like a Map under random inserts, updates and deletes, through growth", () => {
    const prng = new Prng(7);
    const map = new IdMap<number>();
    const reference = new Map<number, number>();
    const mismatches: string[] = [];
    for (let i = 0; i < 50_000; i++) {
      // Sequential-ish ids like order ids, plus large ones beyond 32 bits.
      const id = prng.chance(0.9) ? prng.int(1, 3_000) : prng.int(1, 2 ** 40) * 4096 + 1;
      if (prng.chance(0.55)) {
        map.set(id, i);
        reference.set(id, i);
      } else if (map.delete(id) !== reference.delete(id)) {
        mismatches.push(`delete ${id} at step ${i}`);
      }
      const probe = prng.int(1, 3_000);
      if (map.get(probe) !== reference.get(probe) || map.has(probe) !== reference.has(probe)) {
        mismatches.push(`get ${probe} at step ${i}`);
      }
    }
    expect(mismatches).toEqual([]);
    expect(map.size).toBe(reference.size);
    expect(map.ids().sort((a, b) => a - b)).toEqual([...reference.keys()].sort((a, b) => a - b));
    expect(map.values().sort((a, b) => a - b)).toEqual(
      [...reference.values()].sort((a, b) => a - b),
    );
  }, 30_000);

  it("refuses ids that are not positive safe integers", () => {
    const map = new IdMap<string>();
    expect(() => map.set(0, "x")).toThrow(/positive/);
    expect(() => map.set(2 ** 53, "x")).toThrow(/positive/);
  });
});
