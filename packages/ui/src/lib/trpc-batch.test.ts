import { describe, expect, it } from "vitest";
import { refuseOversizedBatch, TRPC_MAX_BATCH_SIZE } from "./trpc-batch";

const endpoint = "/api/trpc";
const batchOf = (calls: number) =>
  new Request(
    `http://app/api/trpc/${Array.from({ length: calls }, () => "health").join(",")}?batch=1`,
  );

describe("refuseOversizedBatch", () => {
  it("refuses a batch of more procedures than the limit before any of them runs", async () => {
    const refusal = refuseOversizedBatch(batchOf(TRPC_MAX_BATCH_SIZE + 1), { endpoint });

    expect(refusal?.status).toBe(413);
    const body = (await refusal?.json()) as { error: { message: string; data: { code: string } } };
    expect(body.error.data.code).toBe("PAYLOAD_TOO_LARGE");
    expect(body.error.message).toBe(
      `A request may call at most ${TRPC_MAX_BATCH_SIZE} procedures; this one calls ${TRPC_MAX_BATCH_SIZE + 1}.`,
    );
  });

  it("lets a batch at the limit and a single call through", () => {
    expect(refuseOversizedBatch(batchOf(TRPC_MAX_BATCH_SIZE), { endpoint })).toBeUndefined();
    expect(
      refuseOversizedBatch(new Request("http://app/api/trpc/me"), { endpoint }),
    ).toBeUndefined();
  });

  it("counts the procedures of a batch sent by POST with an encoded comma", () => {
    const encoded = new Request(`http://app/api/trpc/${"me%2C".repeat(30)}me?batch=1`, {
      method: "POST",
    });
    expect(refuseOversizedBatch(encoded, { endpoint })?.status).toBe(413);
  });
});
