/**
 * The yaml library reads `process.env.LOG_TOKENS` (a debugging switch) for every token it parses, and
 * `process.env.LOG_STREAM` for every document. `process.env` is backed by the C++ environment, so each read
 * costs about half a microsecond: a third of the time of parsing an ordinary task definition. While the
 * library parses, `process.env` is an object holding those two values, with the real environment as its
 * prototype for anything else; the real one is back before any other code runs (parsing is synchronous).
 * The CLI's bundle takes the package's ES module build, which reads neither (scripts/build-bundle.ts); the
 * library API (dist/src) loads its Node build, which does.
 */
export function withEnvSnapshot<T>(parse: () => T): T {
  const real = process.env;
  process.env = Object.create(real, { LOG_TOKENS: { value: real.LOG_TOKENS }, LOG_STREAM: { value: real.LOG_STREAM } }) as NodeJS.ProcessEnv;
  try {
    return parse();
  } finally {
    process.env = real;
  }
}
