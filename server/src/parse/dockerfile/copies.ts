import type { FileCopy } from '../../model/containerSpec';
import { located, type SourceRange } from '../../model/located';
import { splitImageReference } from '../../model/imageRef';
import { VARIABLE_REFERENCE } from './images';
import { scanJsonStringArray } from './jsonArray';
import { locatedAt, type DockerfileReaderState } from './readerState';
import { firstNonFlag, unquote } from './words';

/**
 * COPY and ADD: the local sources and the destination (`copies`), and for ADD every source that is an
 * http(s) URL (`downloads`). Heredoc sources (`COPY <<EOF /dest`) have no file name of their own.
 */
export function visitCopy(state: DockerfileReaderState, keyword: 'ADD' | 'COPY', words: SourceRange[], range: SourceRange): void {
  const text = state.text;
  const first = firstNonFlag(text, words);
  if (first >= words.length) return;
  let checksum = false;
  let from: string | undefined;
  for (let i = 0; i < first; i++) {
    const flag = text.slice(words[i].start, words[i].end);
    if (/^--checksum=\S/i.test(flag)) checksum = true;
    else if (/^--from=\S/i.test(flag)) from = flag.slice('--from='.length);
  }
  // With a heredoc (`COPY <<EOF /dest`), the arguments end with the marker's line; the body follows.
  const heredoc = words.findIndex((w, i) => i >= first && text.startsWith('<<', w.start));
  if (heredoc >= 0) {
    const lineEnd = state.lines.lineEnd(state.lines.position(words[heredoc].start).line);
    words = words.filter((w) => w.start < lineEnd);
  }
  const elements = scanJsonStringArray(text, words[first].start, words[words.length - 1].end, state.escapeChar);
  const args = elements
    ? elements.map((e) => ({ path: e.value, start: e.contentStart, end: e.contentEnd }))
    : words.slice(first).map((w) => ({ path: unquote(text.slice(w.start, w.end)), ...w }));
  const at = (a: { path: string; start: number; end: number }) => located(a.path, a.start, a.end, text.slice(a.start, a.end));
  const copy: FileCopy = { instruction: keyword, sources: [] };
  if (args.length > 1) copy.destination = at(args[args.length - 1]);
  if (from !== undefined) copy.from = from;
  for (const source of args.slice(0, -1)) {
    if (source.path.startsWith('<<')) continue;
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(source.path) || /^git@/.test(source.path)) {
      if (keyword === 'ADD' && /^https?:\/\//i.test(source.path)) {
        state.downloads.push(located({ url: source.path, checksum }, source.start, source.end, text.slice(source.start, source.end)));
      }
      continue;
    }
    copy.sources.push(at(source));
  }
  state.copies.push(located(copy, range.start, range.end, text.slice(range.start, range.end)));
}

/**
 * `COPY --from=<image>`: the build pulls that image to copy files out of it, so it counts among the
 * images (marked `copiedFrom`). A stage name or index is not an image, and neither is a bare name
 * (`--from=docs`), which may be a named build context given by `--build-context`: only a reference
 * with a tag, a digest or a path (`nginx:1.27`, `ghcr.io/org/tool`) is taken for an image.
 */
export function visitCopyFrom(state: DockerfileReaderState, words: SourceRange[], index: number): void {
  const flags = firstNonFlag(state.text, words);
  for (let i = 0; i < flags; i++) {
    const word = state.text.slice(words[i].start, words[i].end);
    const match = /^--from=([^"'\s]+)$/i.exec(word);
    if (!match) continue;
    const reference = match[1];
    if (VARIABLE_REFERENCE.test(reference) || /^\d+$/.test(reference) || state.stageByName.has(reference.toLowerCase())) continue;
    if (!/[:@/]/.test(reference)) continue;
    const image = splitImageReference(reference);
    image.copiedFrom = true;
    const start = words[i].start + word.length - reference.length;
    state.images.push(locatedAt(image, start, words[i].end, reference, { instruction: index, replaceOnly: true }));
  }
}
