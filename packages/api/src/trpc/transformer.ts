import superjson from "superjson";

/**
 * The tRPC transformer, shared by server and clients. It carries Date and BigInt; amounts and
 * prices cross the wire as decimal strings (SPEC §3), so no Decimal rule is needed.
 */
export const transformer = superjson;
