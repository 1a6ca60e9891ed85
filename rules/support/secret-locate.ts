import type { Located } from '../../server/src/model/located';

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
  if (start === 0 && end === value.value.length) return value;
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
