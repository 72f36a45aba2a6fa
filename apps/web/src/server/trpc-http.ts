import type { IncomingMessage, ServerResponse } from "node:http";
import {
  type Actor,
  type Context,
  closeServices,
  createServices,
  followStandingChanges,
  SessionStandingCache,
  traderRouter,
} from "@exchange/api";
import { clientAddress } from "@exchange/protocol/client-address";
import { refuseOversizedBatch } from "@exchange/ui";
import { LOCALE_COOKIE, pickLocale } from "@exchange/ui/i18n";
import { SECURITY_HEADERS } from "@exchange/ui/next-config";
import { contentSecurityPolicy, freshNonce } from "@exchange/ui/server";
import { createHTTPHandler } from "@trpc/server/adapters/standalone";
import type { WebEnv } from "../env";
import { webServicesConfig } from "./services";
import { cookieValue, SessionCookies, sessionCookieName } from "./session-cookie";

/**
 * The trader API (`/api/trpc/*`) served straight from Node's HTTP server, beside Next's request
 * handler (server.ts): the same router, procedures, error answers and cookies as the route
 * handler `app/api/trpc/[trpc]/route.ts` (which `next dev` and `next start` still use), without
 * Next's routing and rendering work or Auth.js's per-request cookie rewrite.
 *
 * Each request still checks its session in full: the cookie is decrypted once per value and
 * remembered (session-cookie.ts), and the server-side session's standing comes from
 * `SessionStandingCache` (a revocation is heard at once over Redis; whatever is remembered is
 * re-read after at most `SESSION_STANDING_TTL_MS`).
 */

const ENDPOINT = "/api/trpc";

/** Larger than any procedure's input; KYC documents go to their own route, not here. */
const MAX_BODY_BYTES = 1024 * 1024;

/** Longer than any real browser's; the server stores at most this much of it. */
const USER_AGENT_MAX_CHARS = 512;

export interface TrpcHttp {
  /** Answers one `/api/trpc/*` request. */
  handle(req: IncomingMessage, res: ServerResponse): void;
  /** Closes the connections; order audit entries still queued are written first. */
  close(): Promise<void>;
}

/** Connects the API's services for this process and returns the transport. */
export async function startTrpcHttp(env: WebEnv): Promise<TrpcHttp> {
  const services = await createServices(webServicesConfig(env));
  const standings = new SessionStandingCache(services);
  await standings.listen();
  // A restriction set by compliance stops this process's next order at once.
  const stopFollowing = await followStandingChanges(services);
  const cookies = new SessionCookies(env.AUTH_SECRET);
  const session = { cookies, standings };
  const policyOptions = {
    trustedProxyHops: env.TRUSTED_PROXY_HOPS,
    connectSources: [new URL(env.STREAM_PUBLIC_URL).origin],
    development: false,
  };
  const handler = createHTTPHandler({
    router: traderRouter,
    basePath: `${ENDPOINT}/`,
    maxBodySize: MAX_BODY_BYTES,
    createContext: async ({ req, res }): Promise<Context> => ({
      actor: await actorOf(req, res, session),
      services,
      ip: clientAddress({
        forwardedFor: joined(req.headers["x-forwarded-for"]),
        socketAddress: req.socket.remoteAddress,
        trustedProxyHops: env.TRUSTED_PROXY_HOPS,
      }),
      userAgent: req.headers["user-agent"]?.slice(0, USER_AGENT_MAX_CHARS) || undefined,
      locale: pickLocale(
        cookieValue(req.headers.cookie, LOCALE_COOKIE) ?? undefined,
        req.headers["accept-language"] ?? null,
      ),
    }),
  });
  return {
    handle(req, res) {
      for (const { key, value } of SECURITY_HEADERS) res.setHeader(key, value);
      // The pages' policy with a nonce of its own, as the proxy gives every answer of the app.
      res.setHeader("Content-Security-Policy", contentSecurityPolicy(freshNonce(), policyOptions));
      const refusal = refuseOversizedBatch(new Request(`http://api${req.url ?? "/"}`), {
        endpoint: ENDPOINT,
      });
      if (refusal) {
        void sendResponse(refusal, res);
        return;
      }
      void handler(req, res);
    },
    async close() {
      await standings.close();
      await stopFollowing();
      await closeServices(services);
    },
  };
}

/**
 * Who the session cookie names, if its server-side session stands; a cookie past half its life
 * is rewritten on the answer, so an active trader's session slides as before.
 */
async function actorOf(
  req: IncomingMessage,
  res: ServerResponse,
  session: { cookies: SessionCookies; standings: SessionStandingCache },
): Promise<Actor> {
  const secure = requestIsHttps(req);
  const name = sessionCookieName(secure);
  const value = cookieValue(req.headers.cookie, name);
  if (!value) return { kind: "anonymous" };
  const now = Date.now();
  const claims = await session.cookies.claims(value, name, now);
  if (!claims) return { kind: "anonymous" };
  const user = await session.standings.currentUser(claims);
  if (!user) return { kind: "anonymous" };
  const fresh = await session.cookies.refreshed(claims, { name, secure }, now);
  if (fresh) res.appendHeader("Set-Cookie", fresh);
  return { kind: "user", userId: user.id, sessionId: claims.sessionId };
}

/** As `requestIsHttps` decides for Auth.js: the TLS proxy's X-Forwarded-Proto, else the socket. */
function requestIsHttps(req: IncomingMessage): boolean {
  const forwarded = joined(req.headers["x-forwarded-proto"])?.split(",")[0]?.trim();
  if (forwarded) return forwarded === "https";
  return "encrypted" in req.socket && req.socket.encrypted === true;
}

function joined(header: string | string[] | undefined): string | undefined {
  return Array.isArray(header) ? header.join(", ") : header;
}

async function sendResponse(response: Response, res: ServerResponse): Promise<void> {
  res.statusCode = response.status;
  response.headers.forEach((value, key) => {
    res.setHeader(key, value);
  });
  res.end(Buffer.from(await response.arrayBuffer()));
}
