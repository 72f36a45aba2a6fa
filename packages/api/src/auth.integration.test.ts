import { AppError, AppErrorCode } from "@exchange/domains/errors";
import { logInWithPassword } from "@exchange/domains/identity/log-in";
import { latestMailTo, linkIn } from "@exchange/domains/testing/mail";
import { closeServices, testServices } from "@exchange/domains/testing/test-services";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callTraderApi } from "./testing/callers";
import type { Services } from "./trpc/context";

let services: Services;
beforeAll(async () => {
  services = await testServices();
});
afterAll(() => closeServices(services));

const strongPassword = "correct-horse-42";

/** The password step of a log-in, as the apps' log-in actions call it. */
function logIn(kind: "user" | "staff", input: { email: string; password: string }) {
  return logInWithPassword(services, { kind, ...input, ip: undefined });
}
const email = (tag: string) => `${tag}-${Math.random().toString(36).slice(2, 8)}@example.test`;

async function fieldErrorsOf(promise: Promise<unknown>): Promise<Record<string, string[]>> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TRPCError);
  const cause = (error as TRPCError).cause;
  if (cause instanceof AppError) return cause.fieldErrors ?? {};
  const issues = (cause as { issues?: Array<{ path: string[]; message: string }> }).issues ?? [];
  return Object.fromEntries(issues.map((i) => [i.path.join("."), [i.message]]));
}

describe("registration", () => {
  it("creates an account whose password logs in, with the email normalised", async () => {
    const address = email("Mixed.Case");
    const created = await callTraderApi(services).auth.register({
      email: ` ${address.toUpperCase()} `,
      password: strongPassword,
    });
    expect(created.email).toBe(address.toLowerCase());
    // The password matches: what stands between it and a session is the emailed link.
    await expect(logIn("user", { email: address, password: strongPassword })).rejects.toMatchObject(
      { code: AppErrorCode.EMAIL_NOT_VERIFIED },
    );
  });

  it.each([
    [
      "a malformed email",
      { email: "not-an-email", password: strongPassword },
      "email",
      /valid email/,
    ],
    ["a short password", { email: email("short"), password: "abc12" }, "password", /at least 10/],
    [
      "a password without digits",
      { email: email("nodigit"), password: "onlyletterspassword" },
      "password",
      /digit/,
    ],
    [
      "a password without letters",
      { email: email("noletter"), password: "12345678901" },
      "password",
      /letter/,
    ],
  ])("refuses %s with a field error and writes no row", async (_, input, field, message) => {
    const before = await services.db.user.count();
    const errors = await fieldErrorsOf(callTraderApi(services).auth.register(input));
    expect(errors[field]?.join(" ")).toMatch(message);
    expect(await services.db.user.count()).toBe(before);
  });

  it("does not reveal an existing email: the same answer, no second account, and the owner is mailed a reset link instead", async () => {
    const address = email("dup");
    const first = await callTraderApi(services).auth.register({
      email: address,
      password: strongPassword,
    });
    const before = await services.db.user.count();
    const second = await callTraderApi(services).auth.register({
      email: address.toUpperCase(),
      password: "another-pass-99",
    });
    expect(second).toEqual(first);
    expect(await services.db.user.count()).toBe(before);
    await expect(
      logIn("user", { email: address, password: "another-pass-99" }),
    ).rejects.toMatchObject({ code: AppErrorCode.INVALID_CREDENTIALS });
    const mail = await latestMailTo(address, { subject: /Your Exchange account/ });
    expect(mail.text).toContain("already has one");
    expect(linkIn(mail, "/reset-password").searchParams.get("token")).toBeTruthy();
  });

  it("creates only one account from two simultaneous registrations of one email", async () => {
    const address = email("race");
    const results = await Promise.allSettled([
      callTraderApi(services).auth.register({ email: address, password: strongPassword }),
      callTraderApi(services).auth.register({ email: address, password: strongPassword }),
    ]);
    // Both answer alike (neither reveals the other), and one account exists.
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "fulfilled"]);
    expect(await services.db.user.count({ where: { email: address } })).toBe(1);
  });
});

describe("log-in", () => {
  it("gives the same generic error for an unknown email and for a wrong password", async () => {
    const address = email("login");
    await callTraderApi(services).auth.register({ email: address, password: strongPassword });
    const wrongPassword = await logIn("user", {
      email: address,
      password: "wrong-pass-123",
    }).catch((e: unknown) => e as AppError);
    const unknownEmail = await logIn("user", {
      email: email("nobody"),
      password: strongPassword,
    }).catch((e: unknown) => e as AppError);
    for (const error of [wrongPassword, unknownEmail] as AppError[]) {
      expect(error).toBeInstanceOf(AppError);
      expect(error.code).toBe(AppErrorCode.INVALID_CREDENTIALS);
      expect(error.message).toBe("Incorrect email or password.");
    }
  });

  it("refuses a trader's credentials at the staff log-in", async () => {
    await expect(
      logIn("staff", {
        email: "trader@exchange.local",
        password: "trader-dev-pass-1",
      }),
    ).rejects.toMatchObject({ code: AppErrorCode.INVALID_CREDENTIALS });
  });
});

describe("me and markets", () => {
  it("refuses `me` without a session", async () => {
    await expect(callTraderApi(services).me.profile()).rejects.toMatchObject({
      code: "UNAUTHORIZED",
    });
  });

  it("answers `me` with the session's own account", async () => {
    const address = email("me");
    await callTraderApi(services).auth.register({ email: address, password: strongPassword });
    const { id } = await services.db.user.findUniqueOrThrow({ where: { email: address } });
    const me = await callTraderApi(services, { kind: "user", userId: id }).me.profile();
    expect(me).toMatchObject({
      id,
      email: address,
      emailVerified: false,
      kycLevel: 0,
      locale: "en",
    });
  });

  it("lists both seeded markets with decimal-string parameters", async () => {
    const markets = await callTraderApi(services).markets.list();
    expect(markets.map((m) => m.symbol)).toEqual(["BTCUSDT", "ETHUSDT"]);
    expect(markets[0]).toMatchObject({
      baseAsset: "BTC",
      quoteAsset: "USDT",
      priceTick: "0.01",
      lotSize: "0.00001",
      minNotional: "5",
      takerFeeRate: "0.001",
      status: "TRADING",
    });
  });

  it("reports the database and the engine in health", async () => {
    const health = await callTraderApi(services).health();
    expect(health.database.ok).toBe(true);
    // No engine runs in this suite's prefix: health must say so rather than hang or throw.
    expect(health.engine.ok).toBe(false);
    expect(health.ok).toBe(false);
  }, 10_000);
});
