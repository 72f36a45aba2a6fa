import { closeServices, createServices } from "@exchange/domains/services";
import { testServices } from "@exchange/domains/testing/test-services";
import { createTestUser } from "@exchange/domains/testing/test-users";
import { runEnv } from "@exchange/protocol/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callTraderApi } from "./testing/callers";
import type { Actor, Services } from "./trpc/context";

/**
 * The trader's deposit procedures through tRPC: one address per user on the chain, the same on
 * every request and different between users; the Deposit page's asset list; and a clear, typed
 * answer for an asset the chain does not carry, a level that may not deposit, and a process
 * without a chain.
 */

let services: Services;
let chainless: Services;

beforeAll(async () => {
  services = await testServices();
  const { DATABASE_URL, REDIS_URL, REDIS_PREFIX } = runEnv();
  chainless = await createServices({
    databaseUrl: DATABASE_URL as string,
    redisUrl: REDIS_URL as string,
    redisPrefix: REDIS_PREFIX as string,
    logLevel: "error",
  });
});

afterAll(async () => {
  await closeServices(services);
  await closeServices(chainless);
});

async function trader(kycLevel = 1): Promise<Actor> {
  const user = await createTestUser(services.db, { tag: "deposit-api", kycLevel });
  return { kind: "user", userId: user.id };
}

describe("wallet.deposits", () => {
  it("gives each user one address on the chain, the same on every request", async () => {
    const alice = callTraderApi(services, await trader());
    const bob = callTraderApi(services, await trader());
    const first = await alice.wallet.deposits.address({ asset: "eth" });
    expect(first).toMatchObject({
      asset: "ETH",
      network: "evm-local",
      minDeposit: "0.001",
      confirmationsRequired: 3,
      contractAddress: null,
    });
    expect(first.address).toMatch(/^0x[0-9a-fA-F]{40}$/);
    expect(first.qrCodeDataUrl).toMatch(/^data:image\/png;base64,/);
    // Every asset of the chain goes to the one address; a token names its contract.
    const usdt = await alice.wallet.deposits.address({ asset: "USDT" });
    expect(usdt.address).toBe(first.address);
    expect(usdt.contractAddress).toMatch(/^0x/);
    const [again, other] = await Promise.all([
      alice.wallet.deposits.address({ asset: "ETH" }),
      bob.wallet.deposits.address({ asset: "ETH" }),
    ]);
    expect(again.address).toBe(first.address);
    expect(other.address).not.toBe(first.address);
    expect(await alice.wallet.deposits.list({})).toEqual({ deposits: [] });
  });

  it("lists what the chain takes deposits of", async () => {
    const api = callTraderApi(services, await trader());
    const { network, assets } = await api.wallet.deposits.assets();
    expect(network).toBe("evm-local");
    expect(assets.map((a) => a.asset)).toEqual(["ETH", "USDT"]);
  });

  it("answers an unsupported asset, a process without a chain and bad input with typed errors", async () => {
    const actor = await trader();
    const api = callTraderApi(services, actor);
    await expect(api.wallet.deposits.address({ asset: "BTC" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("BTC cannot be deposited"),
    });
    await expect(api.wallet.deposits.address({ asset: "E T H" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect(
      callTraderApi(chainless, actor).wallet.deposits.address({ asset: "ETH" }),
    ).rejects.toMatchObject({ code: "SERVICE_UNAVAILABLE" });
  });

  it("refuses a level that may not deposit (a level with no limits row may do nothing)", async () => {
    const actor = await trader(1);
    const user = actor.kind === "user" ? actor.userId : 0;
    await services.db.user.update({ where: { id: user }, data: { kycLevel: 9 } });
    await expect(
      callTraderApi(services, actor).wallet.deposits.address({ asset: "ETH" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN", message: expect.stringContaining("Verify") });
  });
});
