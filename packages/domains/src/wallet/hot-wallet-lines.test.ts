import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  alertsDue,
  chainToEngineAtoms,
  decideAlerts,
  type HOT_WALLET_ALERT_KINDS,
  hotWalletState,
  lineUnits,
} from "./hot-wallet-lines";

const ETH = 10n ** 18n;
/** The seeded ETH lines of the local chain: warning 1, low 0.1. */
const lines = { warningUnits: lineUnits("1", 18), lowUnits: lineUnits("0.1", 18) };

describe("a hot wallet's state against its lines", () => {
  it("is ok on and above the warning line, below warning between the lines, below low under it", () => {
    expect(hotWalletState(2n * ETH, lines)).toBe("OK");
    expect(hotWalletState(ETH, lines)).toBe("OK");
    expect(hotWalletState(ETH - 1n, lines)).toBe("BELOW_WARNING");
    expect(hotWalletState(ETH / 10n, lines)).toBe("BELOW_WARNING");
    expect(hotWalletState(ETH / 10n - 1n, lines)).toBe("BELOW_LOW");
    expect(hotWalletState(0n, lines)).toBe("BELOW_LOW");
  });

  it("reads a line finer than the chain rounded up, so it alerts early rather than late", () => {
    expect(lineUnits("100", 6)).toBe(100_000_000n);
    expect(lineUnits("0.0000001", 6)).toBe(1n);
    expect(lineUnits("0", 6)).toBe(0n);
  });

  it("never alerts with zero lines, whatever the balance", () => {
    const none = { warningUnits: 0n, lowUnits: 0n };
    expect(hotWalletState(0n, none)).toBe("OK");
    expect(alertsDue(0n, none).size).toBe(0);
  });
});

describe("alert decisions", () => {
  it("opens both alerts for an empty wallet, and nothing more on the next run", () => {
    const due = alertsDue(0n, lines);
    const first = decideAlerts(due, []);
    expect(first).toEqual({ open: ["HOT_WALLET_WARNING", "HOT_WALLET_LOW"], resolve: [] });
    const second = decideAlerts(due, [
      { id: 1, kind: "HOT_WALLET_WARNING" },
      { id: 2, kind: "HOT_WALLET_LOW" },
    ]);
    expect(second).toEqual({ open: [], resolve: [] });
  });

  it("resolves the low alert on a top-up between the lines and keeps the warning open", () => {
    const open = [
      { id: 1, kind: "HOT_WALLET_WARNING" as const },
      { id: 2, kind: "HOT_WALLET_LOW" as const },
    ];
    expect(decideAlerts(alertsDue(ETH / 2n, lines), open)).toEqual({ open: [], resolve: [2] });
    expect(decideAlerts(alertsDue(5n * ETH, lines), open)).toEqual({ open: [], resolve: [1, 2] });
  });

  it("after any sequence of balances, leaves open exactly the alerts the last balance is due, each once", () => {
    const balance = fc.bigInt({ min: 0n, max: 3n * ETH });
    fc.assert(
      fc.property(fc.array(balance, { minLength: 1, maxLength: 12 }), (balances) => {
        let open: Array<{ id: number; kind: (typeof HOT_WALLET_ALERT_KINDS)[number] }> = [];
        let nextId = 1;
        const opened: string[] = [];
        for (const b of balances) {
          const decision = decideAlerts(alertsDue(b, lines), open);
          open = open.filter((a) => !decision.resolve.includes(a.id));
          for (const kind of decision.open) {
            expect(open.some((a) => a.kind === kind)).toBe(false);
            open.push({ id: nextId++, kind });
            opened.push(kind);
          }
        }
        const last = balances[balances.length - 1] ?? 0n;
        expect(new Set(open.map((a) => a.kind))).toEqual(alertsDue(last, lines));
        expect(open.length).toBe(new Set(open.map((a) => a.kind)).size);
        // The low line is under the warning line: an open low alert always has its warning.
        if (open.some((a) => a.kind === "HOT_WALLET_LOW")) {
          expect(open.some((a) => a.kind === "HOT_WALLET_WARNING")).toBe(true);
        }
      }),
    );
  });
});

describe("chain amounts in engine atoms", () => {
  it("rounds ether down to the engine's 8 places and widens the token's 6 exactly", () => {
    expect(chainToEngineAtoms(ETH, 18, 8)).toBe(100_000_000n);
    expect(chainToEngineAtoms(ETH + 9_999_999_999n, 18, 8)).toBe(100_000_000n);
    expect(chainToEngineAtoms(ETH + 10_000_000_000n, 18, 8)).toBe(100_000_001n);
    expect(chainToEngineAtoms(9_999_999_999n, 18, 8)).toBe(0n);
    expect(chainToEngineAtoms(1_500_000n, 6, 8)).toBe(150_000_000n);
  });

  it("never counts more than the chain holds, and loses less than one engine atom", () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 40n }),
        fc.integer({ min: 0, max: 30 }),
        fc.integer({ min: 0, max: 18 }),
        (chainUnits, decimals, precision) => {
          const atoms = chainToEngineAtoms(chainUnits, decimals, precision);
          // Both sides at the finer of the two scales.
          const scale = Math.max(decimals, precision);
          const held = chainUnits * 10n ** BigInt(scale - decimals);
          const counted = atoms * 10n ** BigInt(scale - precision);
          expect(counted <= held).toBe(true);
          expect(held - counted < 10n ** BigInt(scale - precision)).toBe(true);
        },
      ),
    );
  });
});
