import { isKnown, type Located, type SourceRange, type Unknown } from '../../server/src/model/located';
import { findCredentials } from './secret-values';

/**
 * The parts of values a rule reported, kept per value: the engine drops a report at the same object with
 * the same message (a value merged from an anchor is one object in every service that merges it), so the
 * same part must be the same object. Filled only when a credential is found, which is rare.
 */
const parts = new WeakMap<Located<string>, Map<number, Located<string>>>();

/**
 * `value` narrowed to the characters `start`–`end` of its value, when they are written as they read (the
 * raw text holds them verbatim); else the whole value. A value written in another file (`extends`) keeps
 * its range, which points at the line that brings it in.
 */
export function locatePart(value: Located<string>, start: number, end: number): Located<string> {
  if (start === 0 && end === value.value.length && value.raw === value.value) return value;
  if (value.writtenIn || value.range.end - value.range.start !== value.raw.length) return value;
  const secret = value.value.slice(start, end);
  // The raw text may add quotes or escapes before the part: find the part itself there.
  let at = value.raw.indexOf(secret, Math.max(0, start - (value.raw.length - value.value.length)));
  if (at < 0) at = value.raw.indexOf(secret);
  if (at < 0 || secret === '') return value;
  let byStart = parts.get(value);
  if (!byStart) parts.set(value, (byStart = new Map()));
  let part = byStart.get(at);
  if (!part) {
    const from = value.range.start + at;
    part = { value: secret, range: { start: from, end: from + secret.length }, raw: secret, editable: false };
    byStart.set(at, part);
  }
  return part;
}

/** `$VAR`, `${VAR…}`: the value is (partly) filled in from outside; `$$` is a literal `$`. */
const USES_VARIABLE = /(?<!\$)\$\{?[A-Za-z_]/;

/**
 * The credentials of known shapes in a value, each with where to report it. A value that refers to
 * variables (`postgres://app:s3cret@${DB_HOST}/app`, unknown as a whole) is read as written, so that a
 * literal password next to a variable is found while one filled in from a variable (`:${PW}@`, even
 * `:${PW:-default}@`) is not.
 */
export function credentialsIn(value: Located<string> | Unknown): { what: string; at: Located<string> | Unknown | SourceRange }[] {
  if (isKnown(value) && !USES_VARIABLE.test(value.raw)) {
    return findCredentials(value.value).map((c) => ({ what: c.what, at: locatePart(value, c.start, c.end) }));
  }
  const written = value.raw;
  const verbatim = value.range.end - value.range.start === written.length && !(isKnown(value) && value.writtenIn);
  return findCredentials(written)
    .filter((c) => !written.slice(c.start, c.end).includes('$'))
    .map((c) => ({ what: c.what, at: verbatim ? { start: value.range.start + c.start, end: value.range.start + c.end } : value }));
}
