import type { EngineClient } from "@exchange/protocol";
import type { EngineProcess } from "./engine-process";

/**
 * The engine's sequence and state hash without the wait: the engine answers `/state` between two
 * batches, and an idle one waits up to its read timeout (200 ms) for the next. Pings (which
 * change no state and are not journaled) make that next batch come at once, so a test can take a
 * digest per generated case.
 */
export async function promptStateDigest(
  engine: EngineProcess,
  client: EngineClient,
): Promise<{ seq: number; stateHash: string }> {
  let answered = false;
  const digest = engine.stateDigest().finally(() => {
    answered = true;
  });
  for (let n = 0; !answered && n < 100; n++) {
    await new Promise((resolve) => setTimeout(resolve, 3));
    if (answered) break;
    client
      .send({ type: "system.ping", id: `digest-ping:${crypto.randomUUID()}`, ts: Date.now() })
      .catch(() => {});
  }
  return digest;
}
