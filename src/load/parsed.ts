/** A syntax error that stops a document from being parsed at all. */
export class SyntaxProblem extends Error {
  constructor(
    message: string,
    readonly offset: number,
    /** The input is refused whatever the parser (too deep, too large): do not retry it as YAML. */
    readonly final = false,
  ) {
    super(message);
  }
}

/** Documents nested deeper than this are refused: no ECS input comes near it, and it keeps every later stage's recursion safe. */
export const MAX_DEPTH = 500;

/**
 * A file that holds more values (objects, arrays and scalars, not counting keys) than this is
 * refused. CloudFormation takes templates up to 1 MB, which hold about 50,000 values; every later
 * stage costs time in the number of values, so a bigger count is refused before it is paid for.
 */
export const MAX_NODES = 200_000;
