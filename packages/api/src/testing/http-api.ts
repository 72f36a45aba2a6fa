import type { AnyTRPCRouter } from "@trpc/server";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import type { SuperJSONResult } from "superjson";
import type { Actor, Services } from "../trpc/context";
import { transformer } from "../trpc/transformer";

/** What a browser receives for one call: the HTTP status and tRPC's JSON answer. */
export interface HttpAnswer {
  status: number;
  body: {
    result?: { data: unknown };
    error?: { message: string; data: Record<string, unknown> & { appCode?: string } };
  };
}

/**
 * Calls `router` over HTTP as the apps' route handlers serve it (fetch adapter, error formatter,
 * transformer), without a port: what callers see on the wire, which `createCaller` skips.
 */
export async function callOverHttp(
  router: AnyTRPCRouter,
  context: { services: Services; actor?: Actor; ip?: string },
  call: { path: string; input?: unknown; method?: "GET" | "POST" },
): Promise<HttpAnswer> {
  const serialized = call.input === undefined ? undefined : transformer.serialize(call.input);
  const json = serialized === undefined ? undefined : JSON.stringify(serialized);
  const url = new URL(`http://test/api/trpc/${call.path}`);
  const method = call.method ?? "GET";
  if (method === "GET" && json !== undefined) url.searchParams.set("input", json);
  const request = new Request(url, {
    method,
    ...(method === "POST"
      ? { body: json ?? "", headers: { "content-type": "application/json" } }
      : {}),
  });
  const response = await fetchRequestHandler({
    endpoint: "/api/trpc",
    req: request,
    router,
    createContext: () => ({
      actor: context.actor ?? { kind: "anonymous" },
      services: context.services,
      ip: context.ip ?? "10.0.0.1",
    }),
  });
  const raw = (await response.json()) as { result: { data: SuperJSONResult }; error?: never };
  const body: HttpAnswer["body"] = raw.error
    ? { error: transformer.deserialize(raw.error) }
    : { result: { data: transformer.deserialize(raw.result.data) } };
  return { status: response.status, body };
}
