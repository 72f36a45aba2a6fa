import { z } from "zod";
import { BinanceCode } from "./binance-errors";
import { signedDocParams } from "./binance-param-docs";
import type { BinanceRoute } from "./binance-route";
import { routeDocOf } from "./binance-route-docs";

/** Where the document is served, on every gateway (no weight charged). */
export const OPENAPI_PATHS = ["/api/v3/openapi.json", "/openapi.json"] as const;

type JsonSchema = Record<string, unknown>;

interface OpenApiParameter {
  name: string;
  in: "query";
  required: boolean;
  description?: string;
  schema: JsonSchema;
}

interface OpenApiOperation {
  operationId: string;
  summary: string;
  tags: string[];
  parameters: OpenApiParameter[];
  security: Record<string, string[]>[];
  "x-weight": number;
  "x-permission"?: string;
  responses: Record<string, unknown>;
}

/** An OpenAPI 3.1 document, typed as far as the reference page reads it. */
export interface BinanceOpenApiDocument {
  openapi: "3.1.0";
  info: { title: string; version: string; description: string };
  servers: { url: string }[];
  paths: Record<string, Record<string, OpenApiOperation>>;
  components: {
    securitySchemes: Record<string, unknown>;
    schemas: Record<string, JsonSchema>;
  };
}

const ZBinanceErrorAnswer = z.object({
  code: z.number().int().max(-1).describe("Binance's error code, such as -1121."),
  msg: z.string().describe("Binance's message for the code, such as `Invalid symbol.`"),
});

const DESCRIPTION = [
  "A Binance-compatible subset of the spot REST API: existing clients (ccxt's `binance` class",
  "among them) work by changing the base URL. Public routes need no key. Signed routes carry the",
  "key in the `X-MBX-APIKEY` header and `timestamp`, optional `recvWindow` and `signature`",
  "(HMAC-SHA256 of the query string and form body as sent) in the query or the form body.",
  "Every request costs its weight against the caller's per-minute budget; each answer reports",
  "the budget used in `X-MBX-USED-WEIGHT-1M`, and past it the API answers 429, then 418 (banned).",
  "Errors are `{code, msg}` with Binance's codes. Differences from Binance: docs/binance-api.md.",
].join(" ");

/**
 * The API reference as an OpenAPI 3.1 document, generated from the routes the gateway serves:
 * each route's parameters (`params`), answer schema, weight and security. Pure; the gateway
 * builds it once at start and the web app's reference page renders it.
 */
export function binanceOpenApiDocument(options: {
  routes: readonly BinanceRoute[];
  serverUrl: string;
  version: string;
}): BinanceOpenApiDocument {
  const paths: BinanceOpenApiDocument["paths"] = {};
  const operationIds = new Set<string>();
  for (const route of options.routes) {
    const operation = operationOf(route);
    // Two paths may camel-case alike (`/a/b`, `/aB`): ids must stay unique for code generators.
    let id = operation.operationId;
    for (let n = 2; operationIds.has(id); n++) id = `${operation.operationId}${n}`;
    operationIds.add(id);
    const operations = paths[route.path] ?? {};
    operations[route.method.toLowerCase()] = { ...operation, operationId: id };
    paths[route.path] = operations;
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Trading API (Binance-compatible)",
      version: options.version,
      description: DESCRIPTION,
    },
    servers: [{ url: options.serverUrl }],
    paths,
    components: {
      securitySchemes: {
        ApiKey: {
          type: "apiKey",
          in: "header",
          name: "X-MBX-APIKEY",
          description: "The API key, created on the web app's Account → API keys page.",
        },
        Signature: {
          type: "apiKey",
          in: "query",
          name: "signature",
          description:
            "HMAC-SHA256 (hex) of the query string and form body as sent, with the key's secret, beside `timestamp` (and `recvWindow`).",
        },
      },
      schemas: { Error: jsonSchemaOf(ZBinanceErrorAnswer, "output") },
    },
  };
}

function operationOf(route: BinanceRoute): OpenApiOperation {
  const signed = route.security.kind === "signed";
  const doc = routeDocOf(route);
  const operation: OpenApiOperation = {
    operationId: operationIdOf(route),
    summary: doc.summary ?? `${route.method} ${route.path}`,
    tags: [tagOf(route)],
    parameters: [...parametersOf(doc.params), ...(signed ? parametersOf(signedDocParams) : [])],
    security: securityOf(route),
    // The weight of a request without parameters; a route's weight may grow with its `limit`
    // or the markets it names, as Binance's documentation gives it.
    "x-weight": safeWeight(route),
    responses: responsesOf(route),
  };
  if (route.security.kind === "signed") operation["x-permission"] = route.security.permission;
  return operation;
}

/** `GET /api/v3/ticker/24hr` → `getApiV3Ticker24hr`. */
function operationIdOf(route: BinanceRoute): string {
  const words = route.path.split(/[^A-Za-z0-9]+/).filter((word) => word !== "");
  const camel = words.map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join("");
  return `${route.method.toLowerCase()}${camel}`;
}

/** The reference's groups: what a caller needs to call the route. */
export const OPENAPI_TAGS = {
  public: "Market data (public)",
  apiKey: "User data stream (API key)",
  signed: "Trading and account (signed)",
} as const;

function tagOf(route: BinanceRoute): string {
  return OPENAPI_TAGS[route.security.kind];
}

function securityOf(route: BinanceRoute): Record<string, string[]>[] {
  if (route.security.kind === "signed") return [{ ApiKey: [], Signature: [] }];
  if (route.security.kind === "apiKey") return [{ ApiKey: [] }];
  return [];
}

function safeWeight(route: BinanceRoute): number {
  try {
    return route.weight({});
  } catch {
    return 1;
  }
}

function parametersOf(params: z.ZodObject | undefined): OpenApiParameter[] {
  if (!params) return [];
  const schema = jsonSchemaOf(params, "input") as {
    properties?: Record<string, JsonSchema>;
    required?: string[];
  };
  return Object.entries(schema.properties ?? {}).map(([name, property]) => {
    const { description, ...rest } = property as JsonSchema & { description?: string };
    return {
      name,
      in: "query",
      required: (schema.required ?? []).includes(name),
      ...(typeof description === "string" ? { description } : {}),
      schema: rest,
    };
  });
}

const errorContent = {
  "application/json": { schema: { $ref: "#/components/schemas/Error" } },
};

function responsesOf(route: BinanceRoute): Record<string, unknown> {
  const responses: Record<string, unknown> = {
    "200": {
      description: "Success, in Binance's shape.",
      content: { "application/json": { schema: jsonSchemaOf(route.answer, "output") } },
    },
    "400": {
      description: "The request's mistake (codes -1100 to -1130, -2010 …).",
      content: errorContent,
    },
    "429": {
      description: `Over the weight budget (${BinanceCode.TOO_MANY_REQUESTS}); back off for Retry-After seconds.`,
      content: errorContent,
    },
    "418": {
      description: "Banned for ignoring 429s, until the time in the message.",
      content: errorContent,
    },
  };
  if (route.security.kind !== "public") {
    responses["401"] = {
      description: "Key or signature refused (-1021, -1022, -2014, -2015).",
      content: errorContent,
    };
  }
  return responses;
}

/** A zod schema as JSON Schema 2020-12 (OpenAPI 3.1's dialect), without its `$schema` line. */
function jsonSchemaOf(schema: z.ZodType, io: "input" | "output"): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, {
    target: "draft-2020-12",
    io,
    unrepresentable: "any",
  }) as JsonSchema;
  return rest;
}
