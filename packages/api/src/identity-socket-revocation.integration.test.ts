import { once } from "node:events";
import { endSession } from "@exchange/domains/identity/sessions";
import { suspendUser } from "@exchange/domains/identity/suspension";
import { latestMailTo, tokenIn } from "@exchange/domains/testing/mail";
import { closeServices, testServices } from "@exchange/domains/testing/test-services";
import { createTestUser, signInTestUser } from "@exchange/domains/testing/test-users";
import { streamBusChannel } from "@exchange/protocol";
import { runVar } from "@exchange/protocol/testing";
import { StreamProcess } from "@exchange/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { callTraderApi } from "./testing/callers";
import type { Services } from "./trpc/context";

const SECRET = "socket-revocation-test-secret";
/** "Within seconds": how long a revoked socket may keep going. */
const REVOCATION_DEADLINE_MS = 3_000;

let services: Services;
let gateway: StreamProcess;
beforeAll(async () => {
  services = { ...(await testServices()), streamTokenSecret: SECRET };
  gateway = await StreamProcess.start({
    redisUrl: runVar("REDIS_URL") ?? "",
    redisPrefix: services.redisPrefix,
    streamTokenSecret: SECRET,
  });
});
afterAll(async () => {
  await gateway?.stop();
  await closeServices(services);
});

/** A browser's socket: authenticated with a token of its session, subscribed to `@balance`. */
class PrivateSocket {
  readonly frames: Array<Record<string, unknown>> = [];
  closeCode: number | undefined;
  private constructor(readonly socket: WebSocket) {
    socket.on("message", (data) => this.frames.push(JSON.parse(String(data))));
    socket.on("close", (code) => {
      this.closeCode = code;
    });
  }

  static async open(actor: { kind: "user"; userId: number; sessionId: string }) {
    const { token } = await callTraderApi(services, actor).trading.streamToken();
    const client = new PrivateSocket(new WebSocket(gateway.url));
    await once(client.socket, "open");
    client.socket.send(JSON.stringify({ op: "auth", token }));
    client.socket.send(JSON.stringify({ op: "subscribe", channel: "@balance" }));
    await client.until(() => client.frames.length >= 2);
    expect(client.frames).toEqual([{ result: true }, { result: true }]);
    return client;
  }

  async until(check: () => boolean, timeoutMs = REVOCATION_DEADLINE_MS): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!check()) {
      if (Date.now() > deadline)
        throw new Error(`timed out; frames: ${JSON.stringify(this.frames)}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  balanceEvents(): unknown[] {
    return this.frames.filter((f) => f.event === "@balance").map((f) => f.data);
  }
}

const pushBalance = (userId: number, data: unknown) =>
  services.redis.publish(
    streamBusChannel(services.redisPrefix, `${userId}@balance`),
    JSON.stringify(data),
  );

/** Pushes until the socket has one, proving private events flow before the revocation. */
async function expectLive(client: PrivateSocket, userId: number) {
  await pushBalance(userId, { n: "before" });
  await client.until(() => client.balanceEvents().length > 0);
}

/** Closed with "session ended", and a private event pushed afterwards never arrives. */
async function expectEnded(client: PrivateSocket, userId: number) {
  await client.until(() => client.closeCode !== undefined);
  expect(client.closeCode).toBe(4001);
  expect(client.frames).toContainEqual({ code: 12, msg: "Your session has ended; log in again" });
  await pushBalance(userId, { n: "after" });
  await new Promise((r) => setTimeout(r, 200));
  expect(client.balanceEvents()).toEqual([{ n: "before" }]);
}

describe("open WebSockets of ended sessions", () => {
  it("stops a logged-out session's socket within seconds, leaving the user's other session alone", async () => {
    const user = await createTestUser(services.db, { tag: "ws-logout" });
    const laptop = await signInTestUser(services, user.id);
    const phone = await signInTestUser(services, user.id);
    const laptopSocket = await PrivateSocket.open(laptop);
    const phoneSocket = await PrivateSocket.open(phone);
    await expectLive(laptopSocket, user.id);
    await phoneSocket.until(() => phoneSocket.balanceEvents().length > 0);

    // A token minted just before the log-out cannot open a new socket after it.
    const { token: staleToken } = await callTraderApi(services, laptop).trading.streamToken();
    await endSession(services, laptop.sessionId);
    await expectEnded(laptopSocket, user.id);
    expect(phoneSocket.closeCode).toBeUndefined();
    expect(phoneSocket.balanceEvents()).toContainEqual({ n: "after" });

    const retry = new WebSocket(gateway.url);
    await once(retry, "open");
    retry.send(JSON.stringify({ op: "auth", token: staleToken }));
    const [reply] = await once(retry, "message");
    expect(JSON.parse(String(reply))).toEqual({
      code: 8,
      msg: "The session of this token has ended",
    });
    retry.close();
    phoneSocket.socket.close();
  });

  it("stops every socket of the account when its password is reset", async () => {
    const user = await createTestUser(services.db, { tag: "ws-reset" });
    const socket = await PrivateSocket.open(await signInTestUser(services, user.id));
    await expectLive(socket, user.id);
    await callTraderApi(services).auth.requestPasswordReset({ email: user.email });
    const token = tokenIn(await latestMailTo(user.email, { subject: /Reset/ }), "/reset-password");
    await callTraderApi(services).auth.resetPassword({ token, password: "fresh-password-5" });
    await expectEnded(socket, user.id);
  });

  it("stops a suspended trader's socket", async () => {
    const user = await createTestUser(services.db, { tag: "ws-suspend" });
    const socket = await PrivateSocket.open(await signInTestUser(services, user.id));
    await expectLive(socket, user.id);
    const staff = await services.db.staff.findFirstOrThrow({ where: { roles: { has: "ADMIN" } } });
    await suspendUser(services, {
      userId: user.id,
      staffId: staff.id,
      reason: "Account takeover reported.",
      ip: undefined,
    });
    await expectEnded(socket, user.id);
  });
});
