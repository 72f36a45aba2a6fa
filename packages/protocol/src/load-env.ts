import { EnvError, type EnvOf, type EnvOptions, type EnvShape, parseEnv } from "./env";

/**
 * `parseEnv` for a process's entry: a bad environment prints the message on stderr and the
 * process exits with 1, without a stack trace hiding the one line that matters.
 */
export function loadEnv<Shape extends EnvShape>(options: EnvOptions<Shape>): EnvOf<Shape> {
  try {
    return parseEnv(options);
  } catch (error) {
    if (!(error instanceof EnvError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
}
