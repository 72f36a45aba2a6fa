import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Services } from "../services";
import { closeServices, testServices } from "../testing/test-services";
import { withWithdrawalRequestLock } from "./withdrawal-request-repository";

let services: Services;
beforeAll(async () => {
  services = await testServices();
});
afterAll(() => closeServices(services));

/** Work that takes a while and says when it ran. */
function slowWork(name: string, log: string[]) {
  return async () => {
    log.push(`${name} starts`);
    await sleep(150);
    log.push(`${name} ends`);
  };
}

describe("a user's withdrawal requests", () => {
  it("are checked and recorded one at a time, so two cannot both fit the daily limit", async () => {
    const log: string[] = [];
    await Promise.all([
      withWithdrawalRequestLock(services.db, 424_242, slowWork("first", log)),
      withWithdrawalRequestLock(services.db, 424_242, slowWork("second", log)),
    ]);
    // Whichever went first finished before the other began.
    const [first, second] = log[0]?.startsWith("first") ? ["first", "second"] : ["second", "first"];
    expect(log).toEqual([`${first} starts`, `${first} ends`, `${second} starts`, `${second} ends`]);
  });

  it("never wait for another user's", async () => {
    const log: string[] = [];
    await Promise.all([
      withWithdrawalRequestLock(services.db, 424_243, slowWork("one", log)),
      withWithdrawalRequestLock(services.db, 424_244, slowWork("other", log)),
    ]);
    expect(log.slice(0, 2).every((line) => line.endsWith("starts"))).toBe(true);
  });
});
