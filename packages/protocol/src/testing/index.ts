/** Generated hostile input and the seeded runner every fuzz test of the exchange shares. */
export {
  deepJsonText,
  extremeDecimal,
  extremeNumber,
  hostileBytes,
  hostileJsonValue,
  hostileScalar,
  hostileString,
  hugeString,
  idBeyondInt32,
  nearlyValidObject,
} from "./arbitraries";
export { FUZZ_SEED, fuzz, fuzzParameters, fuzzRuns } from "./fuzz";
