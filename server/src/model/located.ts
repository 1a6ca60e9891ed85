/**
 * Source positions inside the model are UTF-16 offsets into the document text
 * (the unit JavaScript strings and LSP both use). Lines and columns are computed
 * only at the edges: `engine/toLsp.ts`, the CLI and the tests.
 */
export interface SourceRange {
  start: number;
  end: number;
}

/** A value read from the source, with where it was written. */
export interface Located<T> {
  value: T;
  /** Where the value is written. Through a YAML alias this is the anchored node that sets it. */
  range: SourceRange;
  /** The source text of the value, as written. */
  raw: string;
  /**
   * False when the text at `range` is shared (reached through a YAML alias or merge key,
   * or an `${VAR:-default}` interpolation), so a writer must not rewrite it in place.
   */
  editable?: boolean;
  /**
   * Where the value is written when that is another file (Compose `extends: { file }`): `range` then
   * points at the `extends:` key of the linted file, and findings name this place too. For a value
   * filled from a variable set in an env file, the variable's line there (`range` stays at the value).
   */
  writtenIn?: WrittenIn;
  /** Writer-specific handle (a YAML node, a shell word index...). Rules never read it. */
  node?: unknown;
}

/** A place in another file: its path and 0-based line/character positions (UTF-16). */
export interface WrittenIn {
  path: string;
  start: { line: number; character: number };
  end: { line: number; character: number };
  /** What is written there when the value comes from a variable (`PG_TAG=latest` in `.env`). */
  label?: string;
}

/** The related information of a value written elsewhere: the file of an `extends`, or the env file line of a variable. */
export function writtenInMessage(label: string | undefined): string {
  return label === undefined ? 'The value is written here.' : `The value comes from ${label}, set here.`;
}

/** A value that is set but cannot be known statically (`${VAR}`, an unresolved `extends`). */
export interface Unknown {
  unknown: true;
  range: SourceRange;
  raw: string;
  reason: string;
}

/** Absent (undefined), unknown, or known. Rules say nothing about unknown values. */
export type Maybe<T> = Located<T> | Unknown | undefined;

export function isUnknown(v: unknown): v is Unknown {
  return typeof v === 'object' && v !== null && (v as Unknown).unknown === true;
}

export function isKnown<T>(v: Maybe<T>): v is Located<T> {
  return v !== undefined && !isUnknown(v);
}

export function located<T>(value: T, start: number, end: number, raw: string, extra?: Partial<Located<T>>): Located<T> {
  // Most calls (every shell word) pass no extra: a spread of undefined still costs a runtime copy (profiled).
  if (extra === undefined) return { value, range: { start, end }, raw };
  return { value, range: { start, end }, raw, ...extra };
}

export function unknown(start: number, end: number, raw: string, reason: string): Unknown {
  return { unknown: true, range: { start, end }, raw, reason };
}
