import { randomUUID } from "node:crypto";
import { authenticateApiRequest } from "@exchange/domains/api-keys/api-key-authentication";
import { AppError, AppErrorCode } from "@exchange/domains/errors";
import type { Services } from "@exchange/domains/services";
import type { BusFanOut } from "./bus-fan-out";
import {
  CANCEL_ON_DISCONNECT_MAX_S,
  CANCEL_ON_DISCONNECT_MIN_S,
  type CancelOnDisconnect,
} from "./cancel-on-disconnect";
import type { TextSink } from "./market-connection";
import { UserStreamFeed } from "./user-stream-feed";
import {
  failure,
  isWsApiFailure,
  parseWsApiRequest,
  signedPayload,
  type WsApiFailure,
  type WsApiRequest,
} from "./ws-api-requests";

export interface WsApiSessionOptions {
  services: Services;
  bus: BusFanOut;
  switches: CancelOnDisconnect;
  sink: TextSink;
  clientIp: string | undefined;
}

type Answer = { status: number; result: unknown } | WsApiFailure;

/**
 * One session of the WebSocket API (`/ws-api/v3`): `ping`, `time`, `session.logon`,
 * `session.status`, `userDataStream.subscribe(.signature)` / `unsubscribe`, and our
 * `cancelOnDisconnect.set` / `renew` (see docs/binance-api.md). Any message renews an armed
 * switch; closing the session fires it.
 */
export class WsApiSession {
  private readonly sessionId = randomUUID();
  private readonly connectedSinceMs: number;
  private userId: number | undefined;
  private apiKey: string | undefined;
  private authorizedSinceMs: number | undefined;
  private feed: UserStreamFeed | undefined;
  private readonly subscriptionId = 0;
  private switchTimeoutS = 0;

  constructor(private readonly options: WsApiSessionOptions) {
    this.connectedSinceMs = options.services.clock.now();
  }

  async receive(text: string): Promise<void> {
    const request = parseWsApiRequest(text);
    if (isWsApiFailure(request)) {
      this.options.sink.send(JSON.stringify(request));
      return;
    }
    if (this.switchTimeoutS > 0 && this.userId !== undefined)
      await this.options.switches.arm(this.owner(), this.switchTimeoutS);
    let answer: Answer;
    try {
      answer = await this.answer(request);
    } catch (error) {
      answer = failureOf(request.id, error);
    }
    this.options.sink.send(JSON.stringify({ id: request.id, ...answer }));
  }

  /** The socket closed: the user stream stops, an armed switch fires. */
  async close(): Promise<void> {
    await this.feed?.stop();
    this.feed = undefined;
    if (this.switchTimeoutS > 0 && this.userId !== undefined)
      await this.options.switches.fire(this.owner());
  }

  private async answer(request: WsApiRequest): Promise<Answer> {
    const { services } = this.options;
    switch (request.method) {
      case "ping":
        return ok({});
      case "time":
        return ok({ serverTime: services.clock.now() });
      case "session.logon":
        await this.authenticate(request.params);
        return ok(this.status());
      case "session.status":
        return ok(this.status());
      case "session.logout":
        return this.logout();
      case "userDataStream.subscribe.signature":
        await this.authenticate(request.params);
        return this.subscribe(request.id);
      case "userDataStream.subscribe":
        return this.subscribe(request.id);
      case "userDataStream.unsubscribe":
        await this.feed?.stop();
        this.feed = undefined;
        return ok({});
      case "cancelOnDisconnect.set":
        return this.setSwitch(request.params);
      case "cancelOnDisconnect.renew":
        return this.renewSwitch();
      default:
        return failure(request.id, 400, -1000, `Unknown method '${request.method}'.`);
    }
  }

  private async authenticate(params: Record<string, unknown>): Promise<void> {
    const { apiKey, signature, timestamp, recvWindow } = params;
    if (typeof apiKey !== "string") throw mandatory("apiKey");
    if (typeof signature !== "string") throw mandatory("signature");
    const timestampMs = Number(timestamp);
    if (!Number.isSafeInteger(timestampMs)) throw mandatory("timestamp");
    const recvWindowMs = recvWindow === undefined ? undefined : Number(recvWindow);
    const key = await authenticateApiRequest(this.options.services, {
      apiKey,
      payload: signedPayload(params),
      signature,
      timestampMs,
      recvWindowMs,
      clientIp: this.options.clientIp,
      permission: "read",
    });
    if (this.userId !== undefined && this.userId !== key.userId) {
      // A session belongs to one user: its switch and its stream are theirs.
      throw new WsApiError(400, -1002, "This session is logged in with another user's key.");
    }
    this.userId = key.userId;
    this.apiKey = apiKey;
    this.authorizedSinceMs ??= this.options.services.clock.now();
  }

  private async subscribe(id: WsApiRequest["id"]): Promise<Answer> {
    if (this.userId === undefined) return failure(id, 401, -1002, "Not logged in.");
    if (!this.feed) {
      const feed = new UserStreamFeed(
        this.options.bus,
        this.userId,
        (event) =>
          this.options.sink.send(
            `{"subscriptionId":${this.subscriptionId},"event":${JSON.stringify(event)}}`,
          ),
        () => this.options.services.clock.now(),
      );
      this.feed = feed;
      await feed.start();
    }
    return ok({ subscriptionId: this.subscriptionId });
  }

  private async logout(): Promise<Answer> {
    await this.feed?.stop();
    this.feed = undefined;
    if (this.userId !== undefined) await this.options.switches.disarm(this.owner());
    this.switchTimeoutS = 0;
    this.userId = undefined;
    this.apiKey = undefined;
    this.authorizedSinceMs = undefined;
    return ok(this.status());
  }

  private async setSwitch(params: Record<string, unknown>): Promise<Answer> {
    if (this.userId === undefined) throw new WsApiError(401, -1002, "Not logged in.");
    const timeoutS = params.timeoutSeconds;
    const valid =
      typeof timeoutS === "number" &&
      Number.isInteger(timeoutS) &&
      (timeoutS === 0 ||
        (timeoutS >= CANCEL_ON_DISCONNECT_MIN_S && timeoutS <= CANCEL_ON_DISCONNECT_MAX_S));
    if (!valid)
      throw new WsApiError(
        400,
        -1130,
        `Data sent for parameter 'timeoutSeconds' is not valid: 0, or ${CANCEL_ON_DISCONNECT_MIN_S} to ${CANCEL_ON_DISCONNECT_MAX_S}.`,
      );
    this.switchTimeoutS = timeoutS;
    if (timeoutS === 0) await this.options.switches.disarm(this.owner());
    else await this.options.switches.arm(this.owner(), timeoutS);
    return ok({ timeoutSeconds: timeoutS });
  }

  private async renewSwitch(): Promise<Answer> {
    if (this.userId === undefined) throw new WsApiError(401, -1002, "Not logged in.");
    // receive() has already re-armed it; an unarmed switch has nothing to renew.
    return ok({ timeoutSeconds: this.switchTimeoutS });
  }

  private status() {
    return {
      apiKey: this.apiKey ?? null,
      authorizedSince: this.authorizedSinceMs ?? null,
      connectedSince: this.connectedSinceMs,
      returnRateLimits: false,
      serverTime: this.options.services.clock.now(),
      userDataStream: this.feed !== undefined,
    };
  }

  private owner() {
    return { userId: this.userId as number, sessionId: this.sessionId };
  }
}

class WsApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

function ok(result: unknown): Answer {
  return { status: 200, result };
}

function mandatory(param: string): WsApiError {
  return new WsApiError(
    400,
    -1102,
    `Mandatory parameter '${param}' was not sent, was empty/null, or malformed.`,
  );
}

/** Binance's answer to a failed request: the key checks' codes as its REST API has them. */
function failureOf(id: WsApiRequest["id"], error: unknown): WsApiFailure {
  if (error instanceof WsApiError) return failure(id, error.status, error.code, error.message);
  if (error instanceof AppError) {
    switch (error.code) {
      case AppErrorCode.API_TIMESTAMP_OUTSIDE_WINDOW:
        return failure(id, 400, -1021, error.message);
      case AppErrorCode.API_SIGNATURE_INVALID:
        return failure(id, 400, -1022, error.message);
      case AppErrorCode.INVALID_INPUT:
        return failure(id, 400, -1130, error.message);
      default:
        return failure(id, 401, -2015, "Invalid API-key, IP, or permissions for action.");
    }
  }
  return failure(id, 500, -1000, "An unknown error occurred while processing the request.");
}
