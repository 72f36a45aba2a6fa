import { createLogger } from "@exchange/protocol";
import { createProcessMetrics } from "@exchange/protocol/metrics";
import { describe, expect, it } from "vitest";
import { SignerLoop } from "./signer-loop";

const log = createLogger("signer-test", "fatal");

describe("the signer's loop", () => {
  it("runs its tasks one at a time, counts failures in a row and turns unhealthy", async () => {
    const ran: string[] = [];
    let running = 0;
    let loop: SignerLoop | undefined;
    const task = (name: string, fail: boolean) => ({
      name,
      everyMs: 1,
      run: async () => {
        running += 1;
        expect(running).toBe(1);
        ran.push(name);
        await new Promise((r) => setTimeout(r, 1));
        running -= 1;
        if (ran.length >= 12) loop?.stop();
        if (fail) throw new Error(`${name} failed`);
      },
    });
    const metrics = createProcessMetrics("signer", { defaultMetrics: false });
    loop = new SignerLoop([task("send", false), task("sweep", true)], log, Date.now, metrics);
    await loop.run();

    expect(ran.slice(0, 4)).toEqual(["send", "sweep", "send", "sweep"]);
    const [send, sweep] = loop.statuses();
    expect(send?.failuresInRow).toBe(0);
    expect(send?.lastOkAt).not.toBeNull();
    expect(sweep?.failuresInRow).toBe(6);
    expect(sweep?.lastError).toBe("sweep failed");
    expect(loop.healthy()).toBe(false);
    expect(await metrics.render()).toContain(
      'exchange_signer_failing_passes{task="sweep",app="signer"} 6',
    );
  });

  it("stops between passes when told, without waiting out a long pause", async () => {
    const loop = new SignerLoop([{ name: "slow", everyMs: 60_000, run: async () => {} }], log);
    const started = Date.now();
    const done = loop.run();
    await new Promise((r) => setTimeout(r, 20));
    loop.stop();
    await done;
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(loop.healthy()).toBe(true);
  });
});
