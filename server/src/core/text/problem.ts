/**
 * Broken input is data, not an exception: every parser in the core returns a
 * best-effort value together with the problems it met on the way.
 */

/** How serious a problem is; maps onto LSP diagnostic severities at the edge. */
export type ProblemSeverity = 'error' | 'warning' | 'info';

/** Something wrong or notable in the input, located by UTF-16 offsets (end exclusive). */
export interface Problem {
  readonly start: number;
  readonly end: number;
  readonly severity: ProblemSeverity;
  /** Stable machine-readable code, e.g. `article.binary` or `sidecar.yaml-syntax`. */
  readonly code: string;
  /** One sentence for a person: what is wrong and, where possible, what to do. */
  readonly message: string;
}

/** A value computed from possibly broken input, plus what was wrong with that input. */
export interface Result<T> {
  readonly value: T;
  readonly problems: readonly Problem[];
}

/** A half-open range of UTF-16 offsets into a text. */
export interface Span {
  readonly start: number;
  readonly end: number;
}
