import * as password from "@exchange/db/password";
import { AppErrorCode } from "@exchange/domains/errors";
import { closeServices, testServices } from "@exchange/domains/testing/test-services";
import { createTestUser } from "@exchange/domains/testing/test-users";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { callTraderApi } from "./testing/callers";
import type { Services } from "./trpc/context";

// The real hashing, watched: the test counts how often a reset hashes a password.
vi.mock("@exchange/db/password", async (importOriginal) => {
  const actual = await importOriginal<typeof password>();
  return { ...actual, hashPassword: vi.fn(actual.hashPassword) };
});

let services: Services;
beforeAll(async () => {
  services = await testServices();
});
afterAll(() => closeServices(services));

describe("password reset", () => {
  it("spends no password hashing on an unknown token (no CPU burned by made-up links)", async () => {
    const user = await createTestUser(services.db, { tag: "reset-cost" });
    const hash = vi.mocked(password.hashPassword);
    hash.mockClear();
    await expect(
      callTraderApi(services).auth.resetPassword({
        token: "A".repeat(43),
        password: "new-password-77",
      }),
    ).rejects.toMatchObject({ cause: { code: AppErrorCode.TOKEN_INVALID } });
    expect(hash).not.toHaveBeenCalled();
    const unchanged = await services.db.user.findUniqueOrThrow({ where: { id: user.id } });
    await expect(password.verifyPassword(unchanged.passwordHash, user.password)).resolves.toBe(
      true,
    );
  });
});
