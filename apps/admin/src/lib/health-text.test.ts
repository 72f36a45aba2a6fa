import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { catalogs } from "../i18n/messages";
import { consumerName, type DashboardText, healthLine } from "./health-text";

const text = (locale: keyof typeof catalogs) =>
  createTranslator({
    locale,
    messages: catalogs[locale],
    namespace: "dashboard",
  }) as unknown as DashboardText;

const stuck = {
  ok: false,
  database: { ok: true },
  engine: { ok: false },
  consumers: [
    { name: "projector", ok: false, state: "stuck", stuckSeq: 41 },
    { name: "market-data", ok: true, state: "running", processedSeq: 40 },
    { name: "hot-wallet", ok: false, state: "silent" },
  ],
};

describe("healthLine", () => {
  it("says what is wrong in the viewer's language", () => {
    expect(healthLine(text("en"), stuck)).toBe(
      "Degraded: matching engine offline; Order and balance history stuck; Hot wallet check not running",
    );
    expect(healthLine(text("zh-CN"), stuck)).toBe(
      "服务降级：撮合引擎离线；委托与余额记录卡住；热钱包检查未运行",
    );
  });

  it("says all is well when it is", () => {
    expect(healthLine(text("zh-CN"), { ...stuck, ok: true })).toBe("所有系统运行正常");
  });

  it("keeps an unknown consumer's own name", () => {
    expect(consumerName(text("zh-CN"), "new-consumer")).toBe("new-consumer");
    expect(consumerName(text("zh-CN"), "chain-watcher")).toBe("充值监听");
  });
});
