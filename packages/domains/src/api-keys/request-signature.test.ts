import { generateKeyPairSync, sign } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  hmacSignature,
  isValidRecvWindow,
  isWithinRecvWindow,
  splitSignature,
  verifyEd25519Signature,
  verifyHmacSignature,
} from "./request-signature";

const SECRET = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j";

describe("HMAC signatures", () => {
  it("match Binance's documented example", () => {
    // Binance spot API docs, "SIGNED endpoint examples for POST /api/v3/order" (HMAC key).
    const payload =
      "symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559";
    expect(hmacSignature(SECRET, payload)).toBe(
      "c8db56825ae71d6d79447849e617115f4a920fa2acdcab2b053c4b2838bd6b71",
    );
  });

  it("accept the signature of the payload, in either case", () => {
    fc.assert(
      fc.property(fc.string(), fc.string({ minLength: 1 }), (payload, secret) => {
        const signature = hmacSignature(secret, payload);
        expect(verifyHmacSignature(secret, payload, signature)).toBe(true);
        expect(verifyHmacSignature(secret, payload, signature.toUpperCase())).toBe(true);
      }),
    );
  });

  it("refuse a signature over any other payload", () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (payload, other) => {
        fc.pre(payload !== other);
        const signature = hmacSignature(SECRET, payload);
        expect(verifyHmacSignature(SECRET, other, signature)).toBe(false);
      }),
    );
  });

  it("refuse a signature made with another secret, and anything not 64 hex digits", () => {
    const payload = "symbol=BTCUSDT&timestamp=1";
    expect(verifyHmacSignature(SECRET, payload, hmacSignature(`${SECRET}x`, payload))).toBe(false);
    fc.assert(
      fc.property(fc.string(), (signature) => {
        fc.pre(!/^[0-9a-fA-F]{64}$/.test(signature));
        expect(verifyHmacSignature(SECRET, payload, signature)).toBe(false);
      }),
    );
  });
});

describe("Ed25519 signatures", () => {
  const { publicKey, privateKey } = generateKeyPairSync("ed25519");
  const signed = (payload: string) =>
    sign(null, Buffer.from(payload), privateKey).toString("base64");

  it("accept the key's signature of the payload and refuse it over any other payload", () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (payload, other) => {
        const signature = signed(payload);
        expect(verifyEd25519Signature(publicKey, payload, signature)).toBe(true);
        if (other !== payload)
          expect(verifyEd25519Signature(publicKey, other, signature)).toBe(false);
      }),
      { numRuns: 50 },
    );
  });

  it("refuse another key's signature and malformed base64", () => {
    const other = generateKeyPairSync("ed25519");
    const payload = "symbol=BTCUSDT&timestamp=1";
    const foreign = sign(null, Buffer.from(payload), other.privateKey).toString("base64");
    expect(verifyEd25519Signature(publicKey, payload, foreign)).toBe(false);
    expect(verifyEd25519Signature(publicKey, payload, "")).toBe(false);
    expect(verifyEd25519Signature(publicKey, payload, signed(payload).slice(1))).toBe(false);
    expect(verifyEd25519Signature(publicKey, payload, "A".repeat(86))).toBe(false);
  });
});

describe("the recvWindow rule", () => {
  it("holds exactly at its boundaries", () => {
    const nowMs = 1_700_000_000_000;
    const at = (timestampMs: number, recvWindowMs = 5_000) =>
      isWithinRecvWindow({ timestampMs, nowMs, recvWindowMs });
    expect(at(nowMs)).toBe(true);
    expect(at(nowMs + 999)).toBe(true);
    expect(at(nowMs + 1_000)).toBe(false);
    expect(at(nowMs - 5_000)).toBe(true);
    expect(at(nowMs - 5_001)).toBe(false);
    expect(at(nowMs - 60_000, 60_000)).toBe(true);
    expect(at(nowMs - 60_001, 60_000)).toBe(false);
  });

  it("is Binance's inequality for any time and window", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 45 }),
        fc.integer({ min: -70_000, max: 5_000 }),
        fc.integer({ min: 1, max: 60_000 }),
        (nowMs, offset, recvWindowMs) => {
          const timestampMs = nowMs + offset;
          const expected = offset < 1_000 && -offset <= recvWindowMs;
          expect(isWithinRecvWindow({ timestampMs, nowMs, recvWindowMs })).toBe(expected);
        },
      ),
    );
  });

  it("accepts windows of 1 to 60 000 ms only", () => {
    expect(isValidRecvWindow(60_000)).toBe(true);
    expect(isValidRecvWindow(1)).toBe(true);
    expect(isValidRecvWindow(60_001)).toBe(false);
    expect(isValidRecvWindow(0)).toBe(false);
    expect(isValidRecvWindow(1.5)).toBe(false);
    expect(isValidRecvWindow(Number.NaN)).toBe(false);
  });
});

describe("splitSignature", () => {
  it("takes the signature from the end of the query or of the body, keeping the rest as sent", () => {
    expect(splitSignature({ query: "symbol=BTCUSDT&timestamp=1&signature=abc", body: "" })).toEqual(
      {
        payload: "symbol=BTCUSDT&timestamp=1",
        signature: "abc",
      },
    );
    // Binance's mixed example: query then body, concatenated without a separator.
    expect(
      splitSignature({
        query: "symbol=LTCBTC&side=BUY",
        body: "quantity=1&timestamp=2&signature=def",
      }),
    ).toEqual({ payload: "symbol=LTCBTC&side=BUYquantity=1&timestamp=2", signature: "def" });
    expect(splitSignature({ query: "signature=abc", body: "" })).toEqual({
      payload: "",
      signature: "abc",
    });
  });

  it("finds no signature unless it is the last parameter", () => {
    expect(splitSignature({ query: "signature=abc&timestamp=1", body: "" }).signature).toBeNull();
    expect(splitSignature({ query: "xsignature=abc", body: "" }).signature).toBeNull();
    expect(splitSignature({ query: "timestamp=1", body: "" })).toEqual({
      payload: "timestamp=1",
      signature: null,
    });
  });

  it("signs what a client signs: the payload before its signature was appended", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(fc.stringMatching(/^[a-z]{1,8}$/), fc.stringMatching(/^[A-Za-z0-9.]{0,8}$/)),
        ),
        fc.boolean(),
        (pairs, inBody) => {
          const params = pairs.map(([name, value]) => `${name}=${value}`).join("&");
          const signature = hmacSignature(SECRET, params);
          const signedParams = `${params}${params ? "&" : ""}signature=${signature}`;
          const request = inBody
            ? { query: "", body: signedParams }
            : { query: signedParams, body: "" };
          const split = splitSignature(request);
          expect(split.signature).toBe(signature);
          expect(verifyHmacSignature(SECRET, split.payload, split.signature ?? "")).toBe(true);
        },
      ),
    );
  });
});
