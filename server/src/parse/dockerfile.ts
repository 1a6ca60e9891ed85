import type { Arg, Env, Instruction, Label as LabelInstruction, Run } from 'dockerfile-ast';
import type { EnvVar, FileCopy, ImageRef, Label, Mount, ParsedFile, ParseProblem, Port, RemoteSource, ShellCommand } from '../model/containerSpec';
import { LineIndex } from '../model/lineIndex';
import { located, unknown, type Located, type Maybe, type SourceRange } from '../model/located';
import type { DockerfileHandle, InstructionInfo, StageInfo, ValueNode } from './dockerfile/handle';
import { VARIABLE_REFERENCE } from './dockerfile/images';
import { parseImageRef, splitImageReference } from '../model/imageRef';
import { scanJsonStringArray } from './dockerfile/jsonArray';
import { argumentSpan, firstNonFlag, leadingFlags, splitWords, unquote } from './dockerfile/words';
import { parseDockerfileAst } from './dockerfile/lazyParser';
import { locatedAt, sourceRange, type DockerfileReaderState, type StageSettings } from './dockerfile/readerState';
import { resolveVariable, visitLabels, visitVariables } from './dockerfile/properties';
import { visitCopy, visitCopyFrom } from './dockerfile/copies';
import { LazyShellCommand } from './dockerfile/shellCommand';
import { finalSpec, fragmentSpec } from './dockerfile/finalSpec';

/** `80`, `8000-8010`, `53/udp`. */
const EXPOSE_ARGUMENT = /^(\d+(?:-\d+)?)(?:\/([A-Za-z]+))?$/;

/** Parses a Dockerfile into one ContainerSpec (the final stage). Never throws. `lines` must index `text` (lint() has one already). */
export function parseDockerfile(text: string, lines?: LineIndex): ParsedFile {
  try {
    return new DockerfileReader(text, lines ?? new LineIndex(text)).read();
  } catch (err) {
    const problem: ParseProblem = {
      message: `Capdrop could not read this Dockerfile: ${err instanceof Error ? err.message : String(err)}`,
      range: { start: 0, end: 0 },
      severity: 'error',
    };
    return { kind: 'dockerfile', text, specs: [], problems: [problem] };
  }
}

/**
 * Visits the instructions in order, keeping what each stage writes into its image (DockerfileReaderState);
 * ENV/ARG/LABEL are read by dockerfile/properties.ts, COPY/ADD by dockerfile/copies.ts, and the spec is
 * assembled by dockerfile/finalSpec.ts.
 */
class DockerfileReader implements DockerfileReaderState {
  readonly lines: LineIndex;
  readonly problems: ParseProblem[] = [];
  readonly instructions: InstructionInfo[] = [];
  readonly stages: StageInfo[] = [];
  readonly settings: StageSettings[] = [];
  readonly headless: StageSettings = { ports: [], mounts: [] };
  readonly stageByName = new Map<string, number>();
  readonly env: Located<EnvVar>[] = [];
  readonly commands: ShellCommand[] = [];
  readonly images: Located<ImageRef>[] = [];
  readonly downloads: Located<RemoteSource>[] = [];
  readonly copies: Located<FileCopy>[] = [];
  readonly labels: Located<Label>[] = [];
  escapeChar = '\\';

  constructor(
    readonly text: string,
    lines: LineIndex,
  ) {
    this.lines = lines;
  }

  read(): ParsedFile {
    const dockerfile = parseDockerfileAst(this.text);
    this.escapeChar = dockerfile.getEscapeCharacter();
    for (const ast of dockerfile.getInstructions()) this.visit(ast);

    const handle: DockerfileHandle = {
      lines: this.lines,
      eol: LineIndex.eol(this.text),
      escapeChar: this.escapeChar,
      instructions: this.instructions,
      stages: this.stages,
    };
    const specs = this.stages.length > 0 ? [finalSpec(this, handle)] : this.instructions.length > 0 ? [fragmentSpec(this)] : [];
    return { kind: 'dockerfile', text: this.text, specs, problems: this.problems, handle };
  }

  private visit(ast: Instruction): void {
    const keyword = ast.getKeyword();
    const range = sourceRange(this.lines, ast.getRange());
    const keywordRange = sourceRange(this.lines, ast.getInstructionRange());
    const index = this.instructions.length;
    const written = this.text.slice(keywordRange.start, keywordRange.end);
    if (keyword === 'FROM') {
      this.instructions.push({ keyword, written, range, argsStart: keywordRange.end, ast, stage: this.stages.length });
      this.visitFrom(index, range, this.words(keywordRange.end, range.end));
      return;
    }
    const stage = this.stages.length - 1;
    this.instructions.push({ keyword, written, range, argsStart: keywordRange.end, ast, stage });
    if (stage >= 0) {
      this.stages[stage].instructions.push(index);
      this.stages[stage].range.end = range.end;
    }
    const settings: StageSettings = stage >= 0 ? this.settings[stage] : this.headless;

    switch (keyword) {
      case 'ARG':
      case 'ENV':
        visitVariables(this, ast as Arg | Env, keyword === 'ARG' ? 'arg' : 'env', index, keywordRange.end, range.end);
        break;
      case 'USER':
        if (settings) settings.user = this.userOf(this.words(keywordRange.end, range.end), index) ?? settings.user;
        break;
      case 'EXPOSE':
        if (settings) this.visitExpose(this.words(keywordRange.end, range.end), index, settings.ports);
        break;
      case 'VOLUME':
        if (settings) this.visitVolume(this.words(keywordRange.end, range.end), index, settings.mounts);
        break;
      case 'RUN': {
        const args = argumentSpan(this.text, keywordRange.end, range.end, this.escapeChar, true);
        const command = this.command('run', args, this.heredocBody(ast as Run, args));
        if (command) {
          const flags = leadingFlags(this.text, keywordRange.end, range.end, this.escapeChar);
          if (flags.length > 0) command.flags = flags.map((f) => located(this.text.slice(f.start, f.end), f.start, f.end, this.text.slice(f.start, f.end)));
          if (args) command.argsStart = args.start;
          this.commands.push(command);
        }
        break;
      }
      case 'LABEL':
        visitLabels(this, ast as LabelInstruction, index, keywordRange.end, range.end);
        break;
      case 'CMD':
      case 'ENTRYPOINT': {
        const command = this.command(keyword === 'CMD' ? 'cmd' : 'entrypoint', argumentSpan(this.text, keywordRange.end, range.end, this.escapeChar, false));
        if (command) this.commands.push(command);
        if (command && settings) settings[keyword === 'CMD' ? 'cmd' : 'entrypoint'] = command;
        break;
      }
      case 'ADD':
      case 'COPY': {
        const words = this.words(keywordRange.end, range.end);
        visitCopy(this, keyword, words, range);
        if (keyword === 'COPY') visitCopyFrom(this, words, index);
        break;
      }
      case 'HEALTHCHECK': {
        const words = this.words(keywordRange.end, range.end);
        const args = words.slice(firstNonFlag(this.text, words));
        if (args.length > 1 && this.text.slice(args[0].start, args[0].end).toUpperCase() === 'CMD') {
          const command = this.command('healthcheck', { start: args[1].start, end: args[args.length - 1].end });
          if (command) this.commands.push(command);
        }
        break;
      }
    }
  }

  private words(start: number, end: number): SourceRange[] {
    return splitWords(this.text, start, end, this.escapeChar);
  }

  private visitFrom(index: number, range: SourceRange, words: SourceRange[]): void {
    const stage: StageInfo = { from: index, imageIsUnknown: false, instructions: [], range: { ...range } };
    const first = firstNonFlag(this.text, words);
    const imageRange = words[first] as SourceRange | undefined;
    const asWord = words[first + 1];
    if (asWord && words[first + 2] && this.text.slice(asWord.start, asWord.end).toLowerCase() === 'as') {
      stage.name = this.text.slice(words[first + 2].start, words[first + 2].end).toLowerCase();
    }

    if (!imageRange) {
      this.problems.push({ message: 'FROM needs an image name.', range, severity: 'error' });
    } else {
      const imageText = this.text.slice(imageRange.start, imageRange.end);
      stage.imageRange = imageRange;
      const parent = this.stageByName.get(imageText.toLowerCase());
      // `FROM $BASE` is known at build time only; `FROM <base-image>` (a documentation example) not at all.
      if (VARIABLE_REFERENCE.test(imageText) || (parent === undefined && !parseImageRef(imageText))) {
        stage.imageIsUnknown = true;
      } else {
        const image = splitImageReference(imageText);
        if (parent !== undefined) {
          image.isStage = true;
          stage.parent = parent;
        }
        for (let i = 0; i < first; i++) {
          const flag = this.text.slice(words[i].start, words[i].end);
          if (flag.startsWith('--platform=')) image.platform = flag.slice('--platform='.length);
        }
        stage.image = image;
        this.images.push(locatedAt(image, imageRange.start, imageRange.end, imageText, { instruction: index, replaceOnly: true }));
      }
    }

    // A later stage with the same name shadows the earlier one for the stages after it.
    if (stage.name) this.stageByName.set(stage.name, this.stages.length);
    this.stages.push(stage);
    this.settings.push({ ports: [], mounts: [] });
  }

  private userOf(words: SourceRange[], index: number): Maybe<string> {
    if (words.length === 0) return undefined;
    const start = words[0].start;
    const end = words[words.length - 1].end;
    const raw = this.text.slice(start, end);
    if (VARIABLE_REFERENCE.test(raw)) {
      // `ARG U=root` + `USER $U` builds as root unless --build-arg says otherwise, just as Compose's
      // `${U:-root}` runs as root unless the environment says otherwise: both take the written default.
      const resolved = resolveVariable(this, raw, index);
      if (resolved === undefined) return unknown(start, end, raw, 'USER refers to a build argument or variable');
      return located(resolved, start, end, raw, { editable: false, node: { instruction: index, arg: 0 } satisfies ValueNode });
    }
    return locatedAt(raw, start, end, raw, { instruction: index, arg: 0 });
  }

  private visitExpose(words: SourceRange[], index: number, ports: Located<Port>[]): void {
    for (let i = 0; i < words.length; i++) {
      const { start, end } = words[i];
      const raw = this.text.slice(start, end);
      const match = EXPOSE_ARGUMENT.exec(raw);
      if (!match) continue; // `$PORT` or a typo: unknown, not a port
      const containerPort = located(match[1], start, start + match[1].length, match[1]);
      const port: Port = { containerPort, protocol: (match[2] ?? 'tcp').toLowerCase(), mode: 'exposed', syntax: 'short' };
      ports.push(locatedAt(port, start, end, raw, { instruction: index, arg: i }));
    }
  }

  private visitVolume(words: SourceRange[], index: number, mounts: Located<Mount>[]): void {
    if (words.length === 0) return;
    const elements = scanJsonStringArray(this.text, words[0].start, words[words.length - 1].end, this.escapeChar);
    if (elements) {
      for (const e of elements) {
        if (VARIABLE_REFERENCE.test(e.value)) continue;
        const target = located(e.value, e.contentStart, e.contentEnd, this.text.slice(e.contentStart, e.contentEnd));
        const mount: Mount = { type: 'volume', target, readOnly: false, syntax: 'volume-instruction' };
        mounts.push(locatedAt(mount, e.start, e.end, this.text.slice(e.start, e.end), { instruction: index, json: true }));
      }
      return;
    }
    for (let i = 0; i < words.length; i++) {
      const range = words[i];
      const raw = this.text.slice(range.start, range.end);
      if (VARIABLE_REFERENCE.test(raw)) continue;
      const target = located(unquote(raw), range.start, range.end, raw);
      const mount: Mount = { type: 'volume', target, readOnly: false, syntax: 'volume-instruction' };
      mounts.push(locatedAt(mount, range.start, range.end, raw, { instruction: index, arg: i }));
    }
  }

  /** For `RUN <<EOF`, the script is the heredoc body. */
  private heredocBody(ast: Run, args: SourceRange | undefined): SourceRange | undefined {
    if (!args || !this.text.startsWith('<<', args.start)) return undefined;
    const heredoc = ast.getHeredocs()[0];
    if (!heredoc) return undefined;
    const content = heredoc.getContentRange();
    if (content) return sourceRange(this.lines, content);
    const at = this.lines.lineStart(heredoc.getStartRange().start.line + 1);
    return { start: at, end: at };
  }

  /**
   * A RUN/CMD/ENTRYPOINT/HEALTHCHECK command: from its first argument (after the instruction's flags,
   * or after HEALTHCHECK's CMD) to the end of its last argument, or the heredoc body.
   */
  private command(kind: ShellCommand['kind'], args: SourceRange | undefined, body?: SourceRange): ShellCommand | undefined {
    const span = body ?? args;
    if (!span) return undefined;
    const { start, end } = span;
    const raw = this.text.slice(start, end);
    const text = located(raw, start, end, raw);
    const elements = body ? null : scanJsonStringArray(this.text, start, end, this.escapeChar);
    if (elements) {
      const words = elements.map((e) => located(e.value, e.contentStart, e.contentEnd, this.text.slice(e.contentStart, e.contentEnd)));
      return { kind, words, text, form: 'exec' };
    }
    return new LazyShellCommand(kind, text, this, start, end);
  }
}
