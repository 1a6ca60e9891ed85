import { emptySpec, type ContainerSpec, type ImageRef } from '../model/containerSpec';
import { parseImageRef } from '../model/imageRef';
import { located, unknown, type Maybe, type SourceRange } from '../model/located';
import type { ShellWord } from './shellWords';
import { PLACEHOLDER_REASON } from './placeholders';
import { startedImagePrivilegeDrop } from './dockerfile/images';
import { applyFlag } from './dockerRun/applyFlag';
import { isCommentSubstitution, scanFlags, type FlagScan } from './dockerRun/flags';
import { locateRun } from './dockerRun/locateRun';
import { booleanLocated, booleanValue, scalar } from './dockerRun/values';

/**
 * `docker run` / `docker create` (and podman, nerdctl) command lines → ContainerSpec.
 * Each Located value carries a `RunValueHandle` in `node`, which `edit/runWriter.ts` uses to rewrite it.
 * The command is found by `dockerRun/locateRun.ts`, its flags are paired with their values by
 * `dockerRun/flags.ts`, and each flag is written into the spec by `dockerRun/applyFlag.ts`.
 */

/** One occurrence of a docker run flag, with the words it spans. */
export interface FlagUse {
  /** Canonical long name without dashes (`cap-add`, `publish`…). */
  name: string;
  /** The word holding the flag (`--cap-add`, `--cap-add=X`, `-itd`). */
  flag: ShellWord;
  /** The separate value word (`--cap-add X`), when the value is not inside the flag word. */
  valueWord?: ShellWord;
  /** The flag with its value: from the flag word's start to the value's end. */
  range: SourceRange;
  /** For a short flag inside a group (`-itd`): the offset of its letter in the text. */
  groupLetter?: number;
  /** The value as written, when the flag has one. */
  value?: ValueSpan;
}

/** A flag value with the means to map offsets inside it back to the text. */
export interface ValueSpan {
  /** The value after quote removal (expansions kept as written). */
  text: string;
  raw: string;
  start: number;
  end: number;
  opaque: boolean;
  /** Offset of `text[0]` in the source, or -1 when quoting makes `text` not a 1:1 copy of the source. */
  textStart: number;
  /** The quote character wrapping the whole value (`"` or `'`), if any. */
  quote?: string;
}

/** What a writer needs to edit one Located value of a docker run spec. */
export interface RunValueHandle {
  use: FlagUse;
  /** For one item of a comma-separated value (`--cap-add=A,B`): every item's range and this item's index. */
  list?: { items: SourceRange[]; index: number };
}

/** Per-command writer information, stored in `origin.node`. */
export interface RunCommandInfo {
  /** Every word of the simple command (prefix such as `sudo` included). */
  words: ShellWord[];
  uses: FlagUse[];
  /** The `run`/`create` word's end: new flags go right after it. */
  subcommandEnd: number;
  /** True when the command spans several lines through `\` continuations. */
  split: boolean;
  /** Indentation of continuation lines (`  `), used for inserted flag lines. */
  indent: string;
  /** The line break the command uses after its continuations (`\n` or `\r\n`). */
  eol: string;
}

/**
 * Builds the spec of one simple command, or undefined when it is not a `docker run`/`create`. An image that is a
 * documentation placeholder (`<image>`, `IMAGE`, `app:<tag>`) or missing (`docker run --privileged`) is unknown:
 * what depends on the image is not judged, the flags are. Such a command is an example or cut short, not one
 * anyone runs as written, so it is judged as a documentation fragment: dangers, not hardening left out.
 */
export function parseDockerRun(words: ShellWord[], text: string, eolOfFile: string): ContainerSpec | undefined {
  const found = locateRun(words);
  if (!found) return undefined;
  const tool = words[found.toolIndex];
  const subWord = words[found.subIndex];
  const scan = scanFlags(words, found.subIndex + 1);
  if (found.exec) return execSpec(words, text, eolOfFile, tool, subWord, scan);
  const imageWord = words[scan.imageIndex] as ShellWord | undefined;
  let image: Maybe<ImageRef>;
  let imageName: string;
  let example = false;
  if (!imageWord) {
    example = true;
    image = undefined;
    imageName = text.slice(tool.start, subWord.end);
  } else if (imageWord.opaque) {
    image = unknown(imageWord.start, imageWord.end, imageWord.raw, 'set from a shell variable');
    imageName = imageWord.raw;
  } else {
    const ref = parseImageRef(imageWord.value);
    image = ref ? located(ref, imageWord.start, imageWord.end, imageWord.raw) : unknown(imageWord.start, imageWord.end, imageWord.raw, PLACEHOLDER_REASON);
    imageName = imageWord.value;
    example = !ref;
  }
  const last = words[words.length - 1];
  const range = { start: tool.start, end: last.end };
  const info = commandStyle(text, range, eolOfFile);
  const node: RunCommandInfo = { words, uses: scan.uses, subcommandEnd: subWord.end, ...info };
  const spec = emptySpec({ kind: 'run', name: imageName, range, nameRange: { start: tool.start, end: subWord.end }, node });
  spec.incomplete = scan.incomplete || example;
  if (example) spec.fragment = true;
  spec.image = image;
  if (image && 'value' in image) spec.images.push(image);

  for (const use of scan.uses) applyFlag(use, spec);
  // A foreground container removed when it exits is a one-shot tool (a linter, a build client, a test run):
  // settings for containers that keep running (limits, cap_drop, read-only root) are not asked of it; what it
  // is given is still judged. `-d --rm` starts a service that runs until stopped: judged in full (docs/hosts.md).
  const detached = scan.uses.some((u) => u.name === 'detach' && booleanValue(u) !== false);
  if (spec.autoRemove?.value === true && !detached) spec.incomplete = true;
  if (found.service) {
    // Swarm services spell limits differently (--limit-memory…) and publish through the routing mesh,
    // where a host IP cannot be set: say nothing about missing settings or port binding there.
    spec.incomplete = true;
    spec.ports = [];
  }
  // Messages name the container as its author does: `--name web` rather than the image.
  const named = scan.uses.filter((u) => u.name === 'name' && u.value && !u.value.opaque && u.value.text !== '').pop();
  if (named) spec.origin.name = named.value!.text;

  const commandWords = words.slice(scan.imageIndex + 1).filter((w) => !isCommentSubstitution(w));
  if (commandWords.length > 0) {
    const first = commandWords[0];
    const end = commandWords[commandWords.length - 1].end;
    spec.commands.push({
      kind: 'command',
      form: 'exec',
      words: commandWords.map((w) => located(w.value, w.start, w.end, w.raw)),
      text: located(text.slice(first.start, end), first.start, end, text.slice(first.start, end)),
    });
  }
  spec.dropsPrivilegesAtRuntime = startedImagePrivilegeDrop(spec, scan.uses.some((u) => u.name === 'entrypoint'));
  return spec;
}

/**
 * `docker exec [--privileged] [-u root] CONTAINER COMMAND`: what the command is given is judged (its privileges,
 * its user, CIS 5.23/5.24); the container's settings are not written here, so nothing else is read.
 */
function execSpec(words: ShellWord[], text: string, eolOfFile: string, tool: ShellWord, subWord: ShellWord, scan: FlagScan): ContainerSpec {
  const containerWord = words[scan.imageIndex] as ShellWord | undefined;
  const last = words[words.length - 1];
  const range = { start: tool.start, end: last.end };
  const node: RunCommandInfo = { words, uses: scan.uses, subcommandEnd: subWord.end, ...commandStyle(text, range, eolOfFile) };
  const name = containerWord && !containerWord.opaque ? containerWord.value : text.slice(tool.start, subWord.end);
  const spec = emptySpec({ kind: 'run', name, range, nameRange: { start: tool.start, end: subWord.end }, node });
  spec.exec = true;
  spec.incomplete = true;
  for (const use of scan.uses) {
    if (use.name === 'privileged') spec.privileged = booleanLocated(use);
    else if (use.name === 'user' && use.value) spec.user = scalar(use);
  }
  return spec;
}

function commandStyle(text: string, range: SourceRange, eolOfFile: string): { split: boolean; indent: string; eol: string } {
  const nl = text.indexOf('\n', range.start);
  if (nl < 0 || nl >= range.end) return { split: false, indent: '  ', eol: eolOfFile };
  const eol = text[nl - 1] === '\r' ? '\r\n' : '\n';
  const indent = /^[ \t]*/.exec(text.slice(nl + 1, range.end))![0];
  return { split: true, indent, eol };
}
