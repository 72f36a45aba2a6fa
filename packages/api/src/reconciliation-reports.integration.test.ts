import { closeServices, staffActor, testServices } from "@exchange/domains/testing/test-services";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callAdminApi } from "./testing/callers";
import type { Services } from "./trpc/context";

let services: Services;
beforeAll(async () => {
  services = await testServices();
});
afterAll(() => closeServices(services));

async function financeApi() {
  const staff = await services.db.staff.findFirstOrThrow({ where: { roles: { has: "FINANCE" } } });
  return callAdminApi(services, staffActor(staff.id, "FINANCE"));
}

describe("reconciliation reports for finance", () => {
  it("shows the newest report first, with atoms in each asset's own units", async () => {
    const started = new Date("2026-11-20T10:00:00Z");
    await services.db.reconciliationReport.createMany({
      data: [
        {
          seq: 10n,
          ok: true,
          assetTotals: { BTC: "0", USDT: "0" },
          differences: [],
          startedAt: started,
          finishedAt: new Date(started.getTime() + 40),
        },
        {
          seq: 25n,
          ok: false,
          assetTotals: { BTC: "-150000000", USDT: "0" },
          differences: [
            { kind: "ledger-not-zero", asset: "BTC", expected: "0", actual: "-150000000" },
            {
              kind: "projection-vs-engine",
              asset: "USDT",
              userId: 7,
              account: "available",
              expected: "1234500000",
              actual: "1",
            },
          ],
          startedAt: new Date(started.getTime() + 60_000),
          finishedAt: new Date(started.getTime() + 60_090),
        },
      ],
    });

    const reports = await (await financeApi()).reconciliation.list({ limit: 5 });

    expect(reports.map((r) => [r.seq, r.ok])).toEqual([
      [25n, false],
      [10n, true],
    ]);
    expect(reports[0]?.assetTotals).toEqual([
      { asset: "BTC", total: "-1.5" },
      { asset: "USDT", total: "0" },
    ]);
    // The seed's USDT has 8 decimals: 1234500000 atoms are 12.345 USDT.
    expect(reports[0]?.differences).toEqual([
      {
        kind: "ledger-not-zero",
        asset: "BTC",
        userId: null,
        account: null,
        expected: "0",
        actual: "-1.5",
      },
      {
        kind: "projection-vs-engine",
        asset: "USDT",
        userId: 7,
        account: "available",
        expected: "12.345",
        actual: "0.00000001",
      },
    ]);
  });

  it("shows the chain against users' balances in units, a shortfall marked", async () => {
    const started = new Date("2026-11-21T10:00:00Z");
    const asset = (code: string, figures: [string, string, string, string, string]) => ({
      asset: code,
      hotWalletAtoms: figures[0],
      depositAddressesAtoms: figures[1],
      onChainAtoms: figures[2],
      liabilitiesAtoms: figures[3],
      inFlightAtoms: "0",
      differenceAtoms: figures[4],
    });
    const { id } = await services.db.reconciliationReport.create({
      data: {
        seq: 31n,
        ok: true,
        assetTotals: { ETH: "0", USDT: "0" },
        differences: [],
        startedAt: started,
        finishedAt: new Date(started.getTime() + 80),
        chainHoldings: {
          chainKey: "evm-local",
          hotWalletAddress: "0x00000000000000000000000000000000000000aa",
          error: null,
          assets: [
            asset("ETH", ["200000000", "50000000", "250000000", "50000000", "200000000"]),
            asset("USDT", ["0", "25000000000", "25000000000", "35000000000", "-10000000000"]),
          ],
        },
        chainShortfall: true,
      },
    });

    const reports = await (await financeApi()).reconciliation.list({ limit: 20 });
    const report = reports.find((r) => r.id === id);

    expect(report?.chainShortfall).toBe(true);
    expect(report?.chain?.assets).toEqual([
      {
        asset: "ETH",
        hotWallet: "2",
        depositAddresses: "0.5",
        onChain: "2.5",
        liabilities: "0.5",
        inFlight: "0",
        difference: "2",
        shortfall: false,
      },
      {
        asset: "USDT",
        hotWallet: "0",
        depositAddresses: "250",
        onChain: "250",
        liabilities: "350",
        inFlight: "0",
        difference: "-100",
        shortfall: true,
      },
    ]);
    expect(reports.find((r) => r.seq === 10n)?.chain).toBeNull();
  });
});
