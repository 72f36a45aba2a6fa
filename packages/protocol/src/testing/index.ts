/** Generated hostile input and the seeded runner every fuzz test of the exchange shares. */
export {
  deepJsonText,
  extremeDecimal,
  extremeNumber,
  hostileBytes,
  hostileJsonText,
  hostileJsonValue,
  hostileScalar,
  hostileString,
  hugeString,
  idBeyondInt32,
  nearlyValidObject,
  percentEncode,
} from "./arbitraries";
export { requireRunVar, runEnv, runVar } from "./env";
export { freePort } from "./free-port";
export { FUZZ_SEED, fuzz, fuzzParameters, fuzzRuns, fuzzTimeoutMs } from "./fuzz";
