import type { EngineClient } from "@exchange/protocol";

/**
 * Credits `amountAtoms` of `asset` to a test user through the engine, as a deposit of its own
 * (a fresh business id each call, so two calls credit twice). Throws when the engine refuses;
 * answers the command's journal sequence.
 */
export async function depositForTest(
  engine: Pick<EngineClient, "send">,
  userId: number,
  asset: string,
  amountAtoms: bigint,
): Promise<number | null> {
  const businessId = crypto.randomUUID();
  const reply = await engine.send({
    type: "balance.deposit",
    id: `test-deposit:${userId}:${asset}:${businessId}`,
    ts: Date.now(),
    business: "test-deposit",
    businessId,
    userId,
    asset,
    amountAtoms,
  });
  if (!reply.outcome.ok) throw new Error(`test deposit refused: ${reply.outcome.message}`);
  return reply.seq;
}
