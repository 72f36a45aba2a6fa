import { apiKeyAuthenticator } from "@exchange/domains/api-keys/api-key-authentication";
import { AppError } from "@exchange/domains/errors";
import type { Services } from "@exchange/domains/services";
import { clientAddress, type Logger, type OpsRoutes } from "@exchange/protocol";
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from "fastify";
import { BinanceCode, BinanceError, binanceErrors, toBinanceError } from "./binance-errors";
import {
  type BinanceOpenApiDocument,
  binanceOpenApiDocument,
  OPENAPI_PATHS,
} from "./binance-openapi";
import type { RawQuery } from "./binance-params";
import type { WeightCharge, WeightVerdict } from "./binance-rate-limit";
import type { BinanceRoute, SignedCaller, SignedRequestCheck } from "./binance-route";
import { publicBinanceRoutes } from "./routes";

/** What each answer is measured by (the gateway's /metrics); the app supplies the series. */
export interface BinanceRequestObserver {
  answered(route: string, status: number, seconds: number): void;
  limited(verdict: "limited" | "banned"): void;
}

export interface BinanceServerOptions {
  services: Services;
  limiter: WeightCharge;
  /** Weight per minute, as exchangeInfo announces it. */
  weightPerMinute: number;
  /** Reverse proxies in front of the gateway (TRUSTED_PROXY_HOPS), for the client's address. */
  trustedProxyHops: number;
  log: Logger;
  observer?: BinanceRequestObserver;
  /** The signed routes' key and signature check; without it a signed route answers -1002. */
  signedCheck?: SignedRequestCheck;
  /** Routes beyond the public market-data ones (the signed trading routes). */
  extraRoutes?: readonly BinanceRoute[];
  /** The process's `/health` and `/metrics`: GET, no weight charged, answered as they say. */
  opsRoutes?: OpsRoutes;
  /** The gateway's address as clients reach it, for the API reference; unset: relative ("/"). */
  publicUrl?: string;
}

/** The Prometheus exposition format's content type. */
const METRICS_CONTENT_TYPE = "text/plain; version=0.0.4";

/** The reference's version: Binance's API version it follows, and our revision of it. */
const API_REFERENCE_VERSION = "v3.1";

/** Largest form body accepted: a signed order's parameters are a few hundred bytes. */
const FORM_BODY_LIMIT_BYTES = 16_384;

/** Weight of a request to a path we do not serve: charged, so scanning is not free. */
const UNKNOWN_ROUTE_WEIGHT = 1;

declare module "fastify" {
  interface FastifyContextConfig {
    binance?: BinanceRoute;
    /** An operations route: not Binance's, never charged. */
    ops?: true;
  }
  interface FastifyRequest {
    binanceStartedAt?: bigint;
  }
}

/**
 * The Binance-compatible REST API on a Fastify server: every route's weight charged to the
 * client's address before it runs (X-MBX-USED-WEIGHT-1M on every answer, 429 then 418 past the
 * budget), errors in Binance's shape, unknown paths a Binance 404. The caller listens and closes.
 */
export function createBinanceServer(options: BinanceServerOptions): FastifyInstance {
  const app = Fastify({ logger: false, return503OnClosing: true });
  const routes = [...publicBinanceRoutes(options), ...(options.extraRoutes ?? [])];
  // Binance's clients send signed parameters as a form body; kept raw, since it is signed as sent.
  app.addContentTypeParser(
    "application/x-www-form-urlencoded",
    { parseAs: "string", bodyLimit: FORM_BODY_LIMIT_BYTES },
    (_request, body, done) => done(null, body),
  );
  app.addHook("onRequest", (request, reply) => chargeWeight(options, request, reply));
  app.addHook("onResponse", async (request, reply) => observe(options, request, reply));
  // The reference lists what fastify actually registered, so no route can miss it.
  const registered: BinanceRoute[] = [];
  app.addHook("onRoute", (route) => {
    if (route.config?.binance) registered.push(route.config.binance);
  });
  for (const route of routes) registerRoute(app, options, route);
  registerOpsRoutes(app, { ...apiReferenceRoutes(options, registered), ...options.opsRoutes });
  app.setNotFoundHandler(async () => {
    throw binanceErrors.notFound();
  });
  app.setErrorHandler(async (error, request, reply) => {
    const answer = binanceAnswerOf(error);
    if (answer.code === BinanceCode.UNKNOWN) {
      options.log.error("binance route failed", {
        route: request.routeOptions.url ?? "unmatched",
        error: error instanceof Error ? (error.stack ?? error.message) : String(error),
      });
    }
    if (answer.retryAfterS !== undefined) reply.header("retry-after", answer.retryAfterS);
    return reply.status(answer.status).send(answer.body);
  });
  return app;
}

/** The API reference of exactly the routes this server answers, built on first request. */
function apiReferenceRoutes(options: BinanceServerOptions, routes: BinanceRoute[]): OpsRoutes {
  let document: BinanceOpenApiDocument | undefined;
  const answer = () => {
    document ??= binanceOpenApiDocument({
      routes,
      serverUrl: options.publicUrl ?? "/",
      version: API_REFERENCE_VERSION,
    });
    return { status: 200, json: document };
  };
  return Object.fromEntries(OPENAPI_PATHS.map((path) => [path, answer]));
}

function registerOpsRoutes(app: FastifyInstance, opsRoutes: OpsRoutes) {
  for (const [path, answer] of Object.entries(opsRoutes)) {
    app.get(path, { config: { ops: true } }, async (_request, reply) => {
      const result = await answer();
      if ("text" in result) {
        return reply.status(result.status).type(METRICS_CONTENT_TYPE).send(result.text);
      }
      return reply.status(result.status).send(result.json);
    });
  }
}

function registerRoute(app: FastifyInstance, options: BinanceServerOptions, route: BinanceRoute) {
  app.route({
    method: route.method,
    url: route.path,
    config: { binance: route },
    handler: async (request) => {
      const query = paramsOf(request);
      const caller = await signedCaller(options, route, request, query);
      return route.handle(
        { services: options.services, nowMs: options.services.clock.now(), ...caller },
        query,
      );
    },
  });
}

/** The signed routes' seam: the check fills it; until then they answer -1002. */
async function signedCaller(
  options: BinanceServerOptions,
  route: BinanceRoute,
  request: FastifyRequest,
  query: RawQuery,
): Promise<{ caller?: SignedCaller }> {
  if (route.security.kind === "public") return {};
  if (route.security.kind === "apiKey") return { caller: await keyOnlyCaller(options, request) };
  if (!options.signedCheck) throw binanceErrors.unauthorized();
  const caller = await options.signedCheck(
    {
      headers: request.headers,
      queryString: queryStringOf(request),
      body: formBodyOf(request),
      params: query,
      ip: addressOf(options, request),
    },
    route.security.permission,
  );
  return { caller };
}

/** A key-only route's caller: the key in `X-MBX-APIKEY`, standing and allowed from here. */
async function keyOnlyCaller(
  options: BinanceServerOptions,
  request: FastifyRequest,
): Promise<SignedCaller> {
  const apiKey = request.headers["x-mbx-apikey"];
  if (typeof apiKey !== "string" || apiKey === "") throw binanceErrors.badApiKeyFormat();
  try {
    const key = await apiKeyAuthenticator(options.services).identify({
      apiKey,
      clientIp: addressOf(options, request),
    });
    return { userId: key.userId, apiKeyId: key.keyId, permissions: key.permissions };
  } catch (error) {
    if (error instanceof AppError) throw binanceErrors.rejectedApiKey();
    throw error;
  }
}

/** The query string as sent, without its `?`. */
function queryStringOf(request: FastifyRequest): string {
  const mark = request.url.indexOf("?");
  return mark < 0 ? "" : request.url.slice(mark + 1);
}

function formBodyOf(request: FastifyRequest): string {
  return typeof request.body === "string" ? request.body : "";
}

/**
 * A request's parameters: the form body's, then the query string's over them (Binance: a
 * parameter sent in both is read from the query string). A name sent twice in one part is an
 * array, which the parameter readers refuse (-1101).
 */
function paramsOf(request: FastifyRequest): RawQuery {
  const query = (request.query ?? {}) as RawQuery;
  const body = formBodyOf(request);
  if (body === "") return query;
  const params: RawQuery = {};
  for (const [name, value] of new URLSearchParams(body)) {
    const previous = params[name];
    params[name] = previous === undefined ? value : [previous, value].flat();
  }
  return { ...params, ...query };
}

async function chargeWeight(
  options: BinanceServerOptions,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<void> {
  request.binanceStartedAt = process.hrtime.bigint();
  if (request.routeOptions.config.ops) return;
  const route = request.routeOptions.config.binance;
  const weight = route ? route.weight((request.query ?? {}) as RawQuery) : UNKNOWN_ROUTE_WEIGHT;
  let verdict: WeightVerdict;
  try {
    verdict = await options.limiter.charge(
      addressOf(options, request),
      weight,
      options.services.clock.now(),
    );
  } catch (error) {
    options.log.error("request weight not counted", { error: String(error) });
    throw binanceErrors.disconnected();
  }
  reply.header("x-mbx-used-weight", verdict.usedWeight);
  reply.header("x-mbx-used-weight-1m", verdict.usedWeight);
  if (verdict.kind === "allowed") return;
  options.observer?.limited(verdict.kind);
  const retryAfterS = Math.max(1, Math.ceil(verdict.retryAfterMs / 1_000));
  throw verdict.kind === "limited"
    ? binanceErrors.tooMuchWeight(options.weightPerMinute, retryAfterS)
    : binanceErrors.banned(options.services.clock.now() + verdict.retryAfterMs, retryAfterS);
}

function addressOf(options: BinanceServerOptions, request: FastifyRequest): string {
  const forwarded = request.headers["x-forwarded-for"];
  return (
    clientAddress({
      forwardedFor: Array.isArray(forwarded) ? forwarded.join(", ") : forwarded,
      socketAddress: request.socket.remoteAddress,
      trustedProxyHops: options.trustedProxyHops,
    }) ?? "unknown"
  );
}

function observe(options: BinanceServerOptions, request: FastifyRequest, reply: FastifyReply) {
  if (!options.observer || request.binanceStartedAt === undefined) return;
  if (request.routeOptions.config.ops) return;
  const seconds = Number(process.hrtime.bigint() - request.binanceStartedAt) / 1e9;
  const route = request.routeOptions.config.binance?.path ?? "unmatched";
  options.observer.answered(route, reply.statusCode, seconds);
}

/**
 * The answer to any error: ours as they are; the server's own refusals of a malformed request
 * (a body it cannot parse, a header too large) as -1000 with their 4XX status; anything else is
 * an unknown error (500).
 */
function binanceAnswerOf(error: unknown): BinanceError {
  if (error instanceof BinanceError) return error;
  const status = (error as { statusCode?: unknown }).statusCode;
  if (typeof status === "number" && status >= 400 && status < 500) {
    return new BinanceError(BinanceCode.UNKNOWN, "Malformed request.", { status });
  }
  return toBinanceError(error);
}
