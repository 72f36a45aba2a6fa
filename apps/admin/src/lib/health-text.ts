import type { healthSummary } from "@exchange/api/client";
import type { useTranslations } from "next-intl";

/** The dashboard catalog's translator, as both the server panel and the client badge hold it. */
/** A health report as the API sends it (database, engine, worker consumers). */
type HealthLike = Parameters<typeof healthSummary>[0];

export type DashboardText = ReturnType<typeof useTranslations<"dashboard">>;

/** A worker consumer's name in the viewer's language; an unknown consumer keeps its own name. */
export function consumerName(t: DashboardText, name: string): string {
  const key = `consumers.${name}`;
  return t.has(key as "consumers.projector") ? t(key as "consumers.projector") : name;
}

/**
 * One line that says what is wrong, in the viewer's language (the API's `healthSummary` says it
 * in English for the trading site's footer). Internal errors are not part of it.
 */
export function healthLine(t: DashboardText, health: HealthLike): string {
  if (health.ok) return t("health.allOk");
  const problems: string[] = [];
  if (!health.database.ok) problems.push(t("health.problemDatabase"));
  if (!health.engine.ok) problems.push(t("health.problemEngine"));
  for (const c of health.consumers) {
    if (c.ok) continue;
    const consumer = consumerName(t, c.name);
    problems.push(
      c.state === "silent"
        ? t("health.problemSilent", { consumer })
        : t("health.problemStuck", { consumer }),
    );
  }
  return t("health.degraded", {
    problems: problems.length > 0 ? problems.join(t("health.separator")) : t("health.checking"),
  });
}
