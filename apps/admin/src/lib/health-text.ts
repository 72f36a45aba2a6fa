import { type HealthLike, healthProblems } from "@exchange/api/client";
import type { useTranslations } from "next-intl";

/** The dashboard catalog's translator, as both the server panel and the client badge hold it. */
export type DashboardText = ReturnType<typeof useTranslations<"dashboard">>;

/** A worker consumer's name in the viewer's language; an unknown consumer keeps its own name. */
export function consumerName(t: DashboardText, name: string): string {
  const key = `consumers.${name}`;
  return t.has(key as "consumers.projector") ? t(key as "consumers.projector") : name;
}

/**
 * One line that says what is wrong, in the viewer's language, from the health domain's reading
 * of the report (`healthProblems`). Internal errors are not part of it.
 */
export function healthLine(t: DashboardText, health: HealthLike): string {
  if (health.ok) return t("health.allOk");
  const problems = healthProblems(health).map((problem) => {
    if (problem.kind === "database") return t("health.problemDatabase");
    if (problem.kind === "engine") return t("health.problemEngine");
    const consumer = consumerName(t, problem.consumer);
    return problem.kind === "silent"
      ? t("health.problemSilent", { consumer })
      : t("health.problemStuck", { consumer });
  });

  return t("health.degraded", {
    problems: problems.length > 0 ? problems.join(t("health.separator")) : t("health.checking"),
  });
}
