import { AppError, AppErrorCode } from "@exchange/domains/errors";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { afterEach, describe, expect, it, vi } from "vitest";
import { callOverHttp } from "../testing/http-api";
import type { Services } from "./context";
import { publicProcedure, router } from "./trpc";

const DATABASE_FAILURE = 'relation "orders" does not exist at db.internal:5432 (password=s3cret)';

/** Procedures that fail the ways a service can: a bug, and an answer meant for the caller. */
const failing = router({
  crash: publicProcedure.query(() => {
    throw new Error(DATABASE_FAILURE);
  }),
  act: publicProcedure.mutation(() => "done"),
  refuse: publicProcedure.query(() => {
    throw new AppError(AppErrorCode.NOT_FOUND, "No such order.");
  }),
});
const services = {} as Services;

describe("error answers", () => {
  afterEach(() => vi.restoreAllMocks());

  it("never show an unexpected error's text, only a reference that the server logged with it", async () => {
    // The server's log: JSON lines on stdout (protocol's createLogger).
    const logged = vi.spyOn(process.stdout, "write").mockImplementation(() => true);

    const answer = await callOverHttp(failing, { services }, { path: "crash" });

    expect(answer.status).toBe(500);
    const error = answer.body.error;
    expect(JSON.stringify(answer.body)).not.toMatch(/orders|db\.internal|s3cret/);
    expect(error?.data.stack).toBeUndefined();
    expect(error?.data.appCode).toBe(AppErrorCode.INTERNAL);
    const correlationId = String(error?.data.correlationId);
    expect(correlationId).toMatch(/^[0-9a-f-]{36}$/);
    expect(error?.message).toBe(
      `Something went wrong. Please try again (reference ${correlationId}).`,
    );
    const line = String(
      logged.mock.calls.find(([text]) => String(text).includes('"level":"error"'))?.[0],
    );
    const cause = (JSON.parse(line) as { error: { message: string } }).error;
    expect(line).toContain(correlationId);
    expect(line).toContain("crash");
    expect((cause as Error).message).toBe(DATABASE_FAILURE);
  });

  it("keep the message of an error meant for the caller, without a reference", async () => {
    const answer = await callOverHttp(failing, { services }, { path: "refuse" });

    expect(answer.status).toBe(404);
    expect(answer.body.error?.message).toBe("No such order.");
    expect(answer.body.error?.data.correlationId).toBeUndefined();
  });

  it("answer a request tRPC cannot serve (a query of a mutation) as the caller's mistake, unlogged", async () => {
    // The server's log: JSON lines on stdout (protocol's createLogger).
    const logged = vi.spyOn(process.stdout, "write").mockImplementation(() => true);
    const answer = await fetchRequestHandler({
      endpoint: "/api/trpc",
      req: new Request("http://test/api/trpc/act"),
      router: failing,
      createContext: () => ({ actor: { kind: "anonymous" as const }, services, ip: undefined }),
    });

    expect(answer.status).toBe(405);
    const body = (await answer.json()) as {
      error: { json: { message: string; data: Record<string, unknown> } };
    };
    expect(body.error.json.data.appCode).toBe(AppErrorCode.INVALID_INPUT);
    expect(body.error.json.message).not.toContain("Something went wrong");
    expect(logged).not.toHaveBeenCalled();
  });
});
