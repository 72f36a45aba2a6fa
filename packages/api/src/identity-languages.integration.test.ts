import { latestMailTo, tokenIn } from "@exchange/domains/testing/mail";
import { closeServices, testServices, uniqueTestIp } from "@exchange/domains/testing/test-services";
import { signInTestUser } from "@exchange/domains/testing/test-users";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callTraderApi } from "./testing/callers";
import type { Context, Services } from "./trpc/context";
import { traderRouter } from "./trpc/trader/router";
import { createCallerFactory } from "./trpc/trpc";

/**
 * Mails in the user's language: an account keeps the language of the page it was registered
 * from (the web's context reads it from the switcher's cookie or Accept-Language), its mails are
 * written in it, and the switcher (`me.setLocale`) changes it for the mails that follow.
 */
let services: Services;
beforeAll(async () => {
  services = await testServices();
});
afterAll(() => closeServices(services));

const PASSWORD = "correct-horse-42";
const email = (tag: string) => `${tag}-${Math.random().toString(36).slice(2, 8)}@example.test`;
const traderCaller = createCallerFactory(traderRouter);

/** The trader API as the web calls it from a page in `locale`. */
function callFromPage(locale: Context["locale"], actor: Context["actor"] = { kind: "anonymous" }) {
  return traderCaller({ actor, services, ip: uniqueTestIp(), ...(locale ? { locale } : {}) });
}

const storedLocale = async (address: string) =>
  (
    await services.db.user.findUniqueOrThrow({
      where: { email: address },
      select: { id: true, locale: true },
    })
  ).locale;

describe("mails in the user's language", () => {
  it("registering from a Chinese page stores zh-CN and mails the verification link in Chinese", async () => {
    const address = email("zh");
    await callFromPage("zh-CN").auth.register({ email: address, password: PASSWORD });
    expect(await storedLocale(address)).toBe("zh-CN");
    const mail = await latestMailTo(address);
    expect(mail.subject).toBe("验证您在 Exchange 的邮箱");
    expect(mail.text).toContain("请确认此邮箱属于您");
    expect(mail.text).toContain("24 小时后失效");
    expect(mail.text).not.toContain("Verify your email");
    // The link in the Chinese mail works like the English one.
    const verified = await callTraderApi(services).auth.verifyEmail({
      token: tokenIn(mail, "/verify-email"),
    });
    expect(verified).toEqual({ email: address, alreadyVerified: false });
  });

  it("registering from an English page, or with no language known, mails in English", async () => {
    for (const locale of ["en", undefined] as const) {
      const address = email(`en-${locale ?? "none"}`);
      await callFromPage(locale).auth.register({ email: address, password: PASSWORD });
      expect(await storedLocale(address)).toBe("en");
      expect((await latestMailTo(address)).subject).toBe("Verify your email for Exchange");
    }
  });

  it("a second registration of a taken address keeps the owner's language", async () => {
    const address = email("taken");
    await callFromPage("zh-CN").auth.register({ email: address, password: PASSWORD });
    const first = await latestMailTo(address);
    await callTraderApi(services).auth.verifyEmail({ token: tokenIn(first, "/verify-email") });
    await callFromPage("en").auth.register({ email: address, password: PASSWORD });
    const notice = await latestMailTo(address, { after: first });
    expect(notice.subject).toBe("您的 Exchange 账户");
    expect(await storedLocale(address)).toBe("zh-CN");
  });

  it("the switcher's choice (me.setLocale) changes the language of later mails", async () => {
    const address = email("switch");
    await callFromPage("en").auth.register({ email: address, password: PASSWORD });
    const first = await latestMailTo(address);
    await callTraderApi(services).auth.verifyEmail({ token: tokenIn(first, "/verify-email") });
    const { id } = await services.db.user.findUniqueOrThrow({ where: { email: address } });
    const me = callFromPage("en", await signInTestUser(services, id));

    await expect(me.me.setLocale({ locale: "zh-CN" })).resolves.toEqual({ locale: "zh-CN" });
    await expect(me.me.profile()).resolves.toMatchObject({ locale: "zh-CN" });
    await callTraderApi(services).auth.requestPasswordReset({ email: address });
    const reset = await latestMailTo(address, { after: first });
    expect(reset.subject).toBe("重置您的 Exchange 密码");

    await me.me.setLocale({ locale: "en" });
    expect(await storedLocale(address)).toBe("en");
  });

  it("refuses a language the apps do not speak, and anonymous callers", async () => {
    const address = email("refuse");
    await callFromPage("en").auth.register({ email: address, password: PASSWORD });
    const { id } = await services.db.user.findUniqueOrThrow({ where: { email: address } });
    const me = callFromPage("en", await signInTestUser(services, id));
    await expect(
      me.me.setLocale({ locale: "fr" } as unknown as { locale: "en" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(callFromPage("en").me.setLocale({ locale: "zh-CN" })).rejects.toMatchObject({
      code: "UNAUTHORIZED",
    });
    expect(await storedLocale(address)).toBe("en");
  });
});
