import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { chainHolding, hasShortfall } from "./chain-holdings";

const figures = (liabilitiesAtoms: bigint, inFlightAtoms = 0n) => ({
  asset: "ETH",
  hotWalletAtoms: 200n,
  depositAddressesAtoms: 50n,
  liabilitiesAtoms,
  inFlightAtoms,
});

const report = (...assets: ReturnType<typeof chainHolding>[]) => ({
  chainKey: "evm-local",
  hotWalletAddress: "0x00",
  error: null,
  assets,
});

describe("one chain asset in the report", () => {
  it("is a surplus when the chain holds more than users are owed, a shortfall when less", () => {
    expect(chainHolding(figures(50n))).toMatchObject({
      onChainAtoms: "250",
      differenceAtoms: "200",
    });
    expect(chainHolding(figures(250n)).differenceAtoms).toBe("0");
    expect(chainHolding(figures(251n)).differenceAtoms).toBe("-1");
    expect(hasShortfall(report(chainHolding(figures(250n))))).toBe(false);
    expect(hasShortfall(report(chainHolding(figures(50n)), chainHolding(figures(251n))))).toBe(
      true,
    );
    expect(hasShortfall(null)).toBe(false);
  });

  it("does not count as owed what a withdrawal already took from the hot wallet but not the books", () => {
    // 100 sent on chain, still frozen until the engine settles: no shortfall meanwhile.
    expect(chainHolding(figures(350n, 100n)).differenceAtoms).toBe("0");
  });

  it("always states on chain − (owed − in flight), whatever the figures", () => {
    const atoms = fc.bigInt({ min: 0n, max: 10n ** 30n });
    fc.assert(
      fc.property(atoms, atoms, atoms, atoms, (hot, deposits, owed, inFlight) => {
        const line = chainHolding({
          asset: "USDT",
          hotWalletAtoms: hot,
          depositAddressesAtoms: deposits,
          liabilitiesAtoms: owed,
          inFlightAtoms: inFlight,
        });
        expect(BigInt(line.onChainAtoms)).toBe(hot + deposits);
        expect(BigInt(line.differenceAtoms)).toBe(hot + deposits - owed + inFlight);
      }),
    );
  });
});
