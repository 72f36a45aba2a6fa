import { SessionStandingCache } from "@exchange/domains/identity/session-standing-cache";
import { endSession } from "@exchange/domains/identity/sessions";
import { suspendUser } from "@exchange/domains/identity/suspension";
import { eventually } from "@exchange/domains/testing/eventually";
import { closeServices, testServices } from "@exchange/domains/testing/test-services";
import { createTestUser, signInTestUser } from "@exchange/domains/testing/test-users";
import type { Clock } from "@exchange/protocol";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Services } from "./trpc/context";

let services: Services;
/** Another server process's services: its own connections, its own memory of sessions. */
let elsewhere: Services;
let cache: SessionStandingCache;

beforeAll(async () => {
  [services, elsewhere] = await Promise.all([testServices(), testServices()]);
  cache = new SessionStandingCache(elsewhere);
  await cache.listen();
});
afterAll(async () => {
  await cache.close();
  await Promise.all([closeServices(services), closeServices(elsewhere)]);
});

async function signedIn() {
  const user = await createTestUser(services.db);
  const actor = await signInTestUser(services, user.id);
  const session = { userId: user.id, sessionId: actor.sessionId };
  // Read once, so the answer is in memory before anything changes.
  await expect(cache.currentUser(session)).resolves.toMatchObject({ id: user.id });
  return { user, session };
}

describe("the session standing a server process remembers", () => {
  it("refuses a session logged out in another process as soon as the revocation is heard", async () => {
    const { session } = await signedIn();
    await endSession(services, session.sessionId);
    await eventually(() => expect(cache.currentUser(session)).resolves.toBeNull(), 2_000);
  });

  it("refuses every session of a trader suspended in another process", async () => {
    const { user, session } = await signedIn();
    const staff = await services.db.staff.findFirstOrThrow();
    await suspendUser(services, { userId: user.id, staffId: staff.id, reason: "test", ip: "" });
    await eventually(() => expect(cache.currentUser(session)).resolves.toBeNull(), 2_000);
  });

  it("reads again once the staleness bound has passed, even if no revocation was heard", async () => {
    let now = Date.now();
    const clock: Clock = { now: () => now };
    // Deaf to revocations (never listens): only the bound protects it.
    const deaf = new SessionStandingCache({ ...elsewhere, clock }, 1_000);
    const user = await createTestUser(services.db);
    const actor = await signInTestUser(services, user.id);
    const session = { userId: user.id, sessionId: actor.sessionId };
    await expect(deaf.currentUser(session)).resolves.toMatchObject({ id: user.id });
    await endSession(services, session.sessionId);
    // Within the bound the remembered answer stands; past it the revocation is read.
    now += 999;
    await expect(deaf.currentUser(session)).resolves.toMatchObject({ id: user.id });
    now += 2;
    await expect(deaf.currentUser(session)).resolves.toBeNull();
  });

  it("never answers for a session under another trader's id", async () => {
    const { session } = await signedIn();
    const other = await createTestUser(services.db);
    await expect(cache.currentUser({ ...session, userId: other.id })).resolves.toBeNull();
  });
});
