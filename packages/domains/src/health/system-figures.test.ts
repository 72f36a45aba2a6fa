import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ORDERS_WINDOW_MS, percentile, perSecond, systemFigures } from "./system-figures";

const MINUTE = 60_000;

describe("seed 003 §8's figures", () => {
  it("reads orders per second, the deposit success rate and withdrawal times against their lines", () => {
    const figures = systemFigures({
      ordersInWindow: 1_230,
      depositsCredited: 297,
      depositsFailed: 3,
      withdrawalDurationsMs: [5 * MINUTE, 1 * MINUTE, 40 * MINUTE, 2 * MINUTE],
      withdrawalsOverdue: 0,
    });
    expect(figures.ordersPerSecond).toBe(20.5);
    expect(figures.depositSuccessRate).toBe(0.99);
    // 99 % is not above the line of 99 %.
    expect(figures.depositsWithinLine).toBe(false);
    expect(figures.withdrawals).toEqual({
      completed: 4,
      medianMs: 2 * MINUTE,
      p95Ms: 40 * MINUTE,
      maxMs: 40 * MINUTE,
      overdue: 0,
      withinLine: false,
    });
  });

  it("has nothing to judge when nothing happened", () => {
    const figures = systemFigures({
      ordersInWindow: 0,
      depositsCredited: 0,
      depositsFailed: 0,
      withdrawalDurationsMs: [],
      withdrawalsOverdue: 0,
    });
    expect(figures.ordersPerSecond).toBe(0);
    expect(figures.depositSuccessRate).toBeNull();
    expect(figures.depositsWithinLine).toBe(true);
    expect(figures.withdrawals).toMatchObject({ completed: 0, medianMs: null, withinLine: true });
  });

  it("is outside its line while a withdrawal waits longer than 30 minutes, however fast the rest", () => {
    const figures = systemFigures({
      ordersInWindow: 0,
      depositsCredited: 1,
      depositsFailed: 0,
      withdrawalDurationsMs: [MINUTE],
      withdrawalsOverdue: 1,
    });
    expect(figures.withdrawals.withinLine).toBe(false);
  });

  it("keeps every figure in range for any counts and durations", () => {
    fc.assert(
      fc.property(
        fc.nat({ max: 10_000_000 }),
        fc.nat({ max: 1_000_000 }),
        fc.nat({ max: 1_000_000 }),
        fc.array(fc.nat({ max: 7 * 24 * 60 * MINUTE }), { maxLength: 300 }),
        (orders, credited, failed, durations) => {
          const f = systemFigures({
            ordersInWindow: orders,
            depositsCredited: credited,
            depositsFailed: failed,
            withdrawalDurationsMs: durations,
            withdrawalsOverdue: 0,
          });
          expect(f.ordersPerSecond).toBeGreaterThanOrEqual(0);
          expect(
            Math.abs(f.ordersPerSecond * (ORDERS_WINDOW_MS / 1_000) - orders),
          ).toBeLessThanOrEqual((ORDERS_WINDOW_MS / 1_000) * 0.005 + 1e-6);
          if (credited + failed === 0) expect(f.depositSuccessRate).toBeNull();
          else {
            expect(f.depositSuccessRate).toBeGreaterThanOrEqual(0);
            expect(f.depositSuccessRate).toBeLessThanOrEqual(1);
          }
          const w = f.withdrawals;
          expect(w.completed).toBe(durations.length);
          if (durations.length > 0) {
            expect(w.medianMs).toBeGreaterThanOrEqual(Math.min(...durations));
            expect(w.medianMs ?? 0).toBeLessThanOrEqual(w.p95Ms ?? 0);
            expect(w.p95Ms ?? 0).toBeLessThanOrEqual(w.maxMs ?? 0);
            expect(w.maxMs).toBe(Math.max(...durations));
          }
        },
      ),
    );
  });

  it("takes the nearest-rank percentile and rounds rates to hundredths", () => {
    expect(percentile([1, 2, 3, 4], 0.5)).toBe(2);
    expect(percentile([1, 2, 3, 4], 0.95)).toBe(4);
    expect(percentile([7], 0.5)).toBe(7);
    expect(percentile([], 0.5)).toBeNull();
    expect(perSecond(1, 60_000)).toBe(0.02);
  });
});
