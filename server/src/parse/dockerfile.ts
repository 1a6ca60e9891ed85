import type { Arg, Env, Instruction, Label as LabelInstruction, Run } from 'dockerfile-ast';
import { emptySpec, type ContainerSpec, type EnvVar, type FileCopy, type ImageRef, type Label, type Mount, type ParsedFile, type ParseProblem, type Port, type RemoteSource, type ShellCommand } from '../model/containerSpec';
import { LineIndex } from '../model/lineIndex';
import { isKnown, located, unknown, type Located, type Maybe, type SourceRange } from '../model/located';
import { stageChain, type DockerfileHandle, type InstructionInfo, type StageInfo, type ValueNode } from './dockerfile/handle';
import { imagePrivilegeDrop, runsAsNonRootByDefault, SERVER_WITH_UNPRIVILEGED_WORKERS, VARIABLE_REFERENCE, type PrivilegeDrop } from './dockerfile/images';
import { parseImageRef, splitImageReference } from '../model/imageRef';
import { PLACEHOLDER_REASON } from './placeholders';
import { scanJsonStringArray } from './dockerfile/jsonArray';
import { argumentSpan, firstNonFlag, leadingFlags, splitWords } from './dockerfile/words';
import { simpleProperties } from './dockerfile/simpleProperties';
import { imageRole } from './dockerfile/imageRole';
import { tokenizeShell } from './shellWords';
import { parseDockerfileAst } from './dockerfile/lazyParser';

type AstRange = ReturnType<Instruction['getRange']>;
type AstPosition = AstRange['start'];

/** Runtime settings one stage writes into its image; a stage built `FROM` another inherits them. */
interface StageSettings {
  user?: Maybe<string>;
  ports: Located<Port>[];
  mounts: Located<Mount>[];
  entrypoint?: ShellCommand;
  cmd?: ShellCommand;
}

/** `80`, `8000-8010`, `53/udp`. */
const EXPOSE_ARGUMENT = /^(\d+(?:-\d+)?)(?:\/([A-Za-z]+))?$/;

/**
 * Commands that start as root only to switch to another user before running the workload. A
 * container whose ENTRYPOINT/CMD uses one of them is not "running as root" in the sense that matters,
 * so no-root-user stays quiet. Matched as whole words: gosu, su-exec, setpriv, runuser, s6-setuidgid,
 * `chroot --userspec`, and `su … -c`.
 */
const PRIVILEGE_DROP = /(?:^|[\s;&|('"/])(?:gosu|su-exec|setpriv|runuser|s6-setuidgid)(?=$|[\s;&|)'"])|(?:^|[\s;&|('"/])chroot\s+--userspec\b|(?:^|[\s;&|('"/])su\s(?:[^;&|\n]*\s)?-c(?=$|[\s'"])/;

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

class DockerfileReader {
  private readonly lines: LineIndex;
  private readonly problems: ParseProblem[] = [];
  private readonly instructions: InstructionInfo[] = [];
  private readonly stages: StageInfo[] = [];
  private readonly settings: StageSettings[] = [];
  /** Settings written before any FROM: only a fragment without FROM (a Markdown example, a file being typed) uses them. */
  private readonly headless: StageSettings = { ports: [], mounts: [] };
  private readonly stageByName = new Map<string, number>();
  private readonly env: Located<EnvVar>[] = [];
  private readonly commands: ShellCommand[] = [];
  private readonly images: Located<ImageRef>[] = [];
  private readonly downloads: Located<RemoteSource>[] = [];
  private readonly copies: Located<FileCopy>[] = [];
  private readonly labels: Located<Label>[] = [];
  private escapeChar = '\\';

  constructor(
    private readonly text: string,
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
    const specs = this.stages.length > 0 ? [this.finalSpec(handle)] : this.instructions.length > 0 ? [this.fragmentSpec()] : [];
    return { kind: 'dockerfile', text: this.text, specs, problems: this.problems, handle };
  }

  private offset(p: AstPosition): number {
    return this.lines.offset(p.line, p.character);
  }

  private range(r: AstRange): SourceRange {
    return { start: this.offset(r.start), end: this.offset(r.end) };
  }

  private visit(ast: Instruction): void {
    const keyword = ast.getKeyword();
    const range = this.range(ast.getRange());
    const keywordRange = this.range(ast.getInstructionRange());
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
        this.visitVariables(ast as Arg | Env, keyword === 'ARG' ? 'arg' : 'env', index, keywordRange.end, range.end);
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
        this.visitLabels(ast as LabelInstruction, index, keywordRange.end, range.end);
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
        this.visitCopy(keyword, words, range);
        if (keyword === 'COPY') this.visitCopyFrom(words, index);
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

  private visitVariables(ast: Arg | Env, source: 'arg' | 'env', index: number, argsStart: number, end: number): void {
    this.readProperties(ast, index, argsStart, end, (name, value, start, stop) => {
      const variable: EnvVar = { name, source };
      if (value !== undefined) variable.value = value;
      this.env.push(locatedAt(variable, start, stop, this.text.slice(start, stop), { instruction: index }));
    });
  }

  private visitLabels(ast: LabelInstruction, index: number, argsStart: number, end: number): void {
    this.readProperties(ast, index, argsStart, end, (name, value, start, stop) => {
      const label: Label = { name };
      if (value !== undefined) label.value = value;
      this.labels.push(locatedAt(label, start, stop, this.text.slice(start, stop), { instruction: index }));
    });
  }

  /** The `NAME=value` (or legacy `NAME value`) pairs of an ENV, ARG or LABEL, with the span of each pair. */
  private readProperties(
    ast: Arg | Env | LabelInstruction,
    index: number,
    argsStart: number,
    end: number,
    visit: (name: Located<string>, value: Maybe<string> | undefined, start: number, end: number) => void,
  ): void {
    const simple = this.escapeChar === '\\' ? simpleProperties(this.text, argsStart, end) : null;
    if (simple) {
      // Plain `NAME=value` words: the raw value is the value, unless it refers to a variable.
      for (const { name: nameRange, value: valueRange } of simple) {
        const nameText = this.text.slice(nameRange.start, nameRange.end);
        const valueText = this.text.slice(valueRange.start, valueRange.end);
        const value = VARIABLE_REFERENCE.test(valueText)
          ? unknown(valueRange.start, valueRange.end, valueText, 'refers to a build argument or variable')
          : locatedAt(valueText, valueRange.start, valueRange.end, valueText, { instruction: index, replaceOnly: true });
        visit(located(nameText, nameRange.start, nameRange.end, nameText), value, nameRange.start, valueRange.end);
      }
      return;
    }
    for (const property of ast.getProperties()) {
      const nameRange = this.range(property.getNameRange());
      const name = located(property.getName(), nameRange.start, nameRange.end, this.text.slice(nameRange.start, nameRange.end));
      const valueAstRange = property.getValueRange();
      const rawValue = property.getValue();
      let value: Maybe<string>;
      let end = nameRange.end;
      if (valueAstRange !== null && rawValue !== null) {
        const valueRange = this.range(valueAstRange);
        const raw = this.text.slice(valueRange.start, valueRange.end);
        end = valueRange.end;
        value = VARIABLE_REFERENCE.test(raw)
          ? unknown(valueRange.start, valueRange.end, raw, 'refers to a build argument or variable')
          : locatedAt(rawValue, valueRange.start, valueRange.end, raw, { instruction: index, replaceOnly: true });
      }
      visit(name, value, nameRange.start, end);
    }
  }

  private userOf(words: SourceRange[], index: number): Maybe<string> {
    if (words.length === 0) return undefined;
    const start = words[0].start;
    const end = words[words.length - 1].end;
    const raw = this.text.slice(start, end);
    if (VARIABLE_REFERENCE.test(raw)) {
      // `ARG U=root` + `USER $U` builds as root unless --build-arg says otherwise, just as Compose's
      // `${U:-root}` runs as root unless the environment says otherwise: both take the written default.
      const resolved = this.resolveVariable(raw, index);
      if (resolved === undefined) return unknown(start, end, raw, 'USER refers to a build argument or variable');
      return located(resolved, start, end, raw, { editable: false, node: { instruction: index, arg: 0 } satisfies ValueNode });
    }
    return locatedAt(raw, start, end, raw, { instruction: index, arg: 0 });
  }

  /**
   * The value of a whole-word `$NAME`, `${NAME}` or `${NAME:-default}` at instruction `index`: the latest ENV or
   * ARG of that name in the same stage (an ARG without a value takes the global ARG's default), else the
   * `:-` default. Undefined when no literal value is written.
   */
  private resolveVariable(raw: string, index: number): string | undefined {
    const match = /^\$(?:([A-Za-z_]\w*)|\{([A-Za-z_]\w*)(?::?-([^${}]*))?\})$/.exec(raw);
    if (!match) return undefined;
    const name = match[1] ?? match[2];
    const fallback = match[3];
    const stage = this.instructions[index].stage;
    const declared = (inStage: number) =>
      this.env.filter((e) => e.value.name.value === name && this.instructions[(e.node as ValueNode).instruction].stage === inStage).pop();
    let variable = declared(stage);
    if (variable && variable.value.source === 'arg' && variable.value.value === undefined) variable = declared(-1) ?? variable;
    const value = variable?.value.value;
    if (value !== undefined && isKnown(value) && value.value !== '') return value.value;
    return fallback !== undefined && fallback !== '' ? fallback : undefined;
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

  /**
   * COPY and ADD: the local sources and the destination (`copies`), and for ADD every source that is an
   * http(s) URL (`downloads`). Heredoc sources (`COPY <<EOF /dest`) have no file name of their own.
   */
  private visitCopy(keyword: 'ADD' | 'COPY', words: SourceRange[], range: SourceRange): void {
    const first = firstNonFlag(this.text, words);
    if (first >= words.length) return;
    let checksum = false;
    let from: string | undefined;
    for (let i = 0; i < first; i++) {
      const flag = this.text.slice(words[i].start, words[i].end);
      if (/^--checksum=\S/i.test(flag)) checksum = true;
      else if (/^--from=\S/i.test(flag)) from = flag.slice('--from='.length);
    }
    // With a heredoc (`COPY <<EOF /dest`), the arguments end with the marker's line; the body follows.
    const heredoc = words.findIndex((w, i) => i >= first && this.text.startsWith('<<', w.start));
    if (heredoc >= 0) {
      const lineEnd = this.lines.lineEnd(this.lines.position(words[heredoc].start).line);
      words = words.filter((w) => w.start < lineEnd);
    }
    const elements = scanJsonStringArray(this.text, words[first].start, words[words.length - 1].end, this.escapeChar);
    const args = elements
      ? elements.map((e) => ({ path: e.value, start: e.contentStart, end: e.contentEnd }))
      : words.slice(first).map((w) => ({ path: unquote(this.text.slice(w.start, w.end)), ...w }));
    const at = (a: { path: string; start: number; end: number }) => located(a.path, a.start, a.end, this.text.slice(a.start, a.end));
    const copy: FileCopy = { instruction: keyword, sources: [] };
    if (args.length > 1) copy.destination = at(args[args.length - 1]);
    if (from !== undefined) copy.from = from;
    for (const source of args.slice(0, -1)) {
      if (source.path.startsWith('<<')) continue;
      if (/^[a-z][a-z0-9+.-]*:\/\//i.test(source.path) || /^git@/.test(source.path)) {
        if (keyword === 'ADD' && /^https?:\/\//i.test(source.path)) {
          this.downloads.push(located({ url: source.path, checksum }, source.start, source.end, this.text.slice(source.start, source.end)));
        }
        continue;
      }
      copy.sources.push(at(source));
    }
    this.copies.push(located(copy, range.start, range.end, this.text.slice(range.start, range.end)));
  }

  /**
   * `COPY --from=<image>`: the build pulls that image to copy files out of it, so it counts among the
   * images (marked `copiedFrom`). A stage name or index is not an image, and neither is a bare name
   * (`--from=docs`), which may be a named build context given by `--build-context`: only a reference
   * with a tag, a digest or a path (`nginx:1.27`, `ghcr.io/org/tool`) is taken for an image.
   */
  private visitCopyFrom(words: SourceRange[], index: number): void {
    const flags = firstNonFlag(this.text, words);
    for (let i = 0; i < flags; i++) {
      const word = this.text.slice(words[i].start, words[i].end);
      const match = /^--from=([^"'\s]+)$/i.exec(word);
      if (!match) continue;
      const reference = match[1];
      if (VARIABLE_REFERENCE.test(reference) || /^\d+$/.test(reference) || this.stageByName.has(reference.toLowerCase())) continue;
      if (!/[:@/]/.test(reference)) continue;
      const image = splitImageReference(reference);
      image.copiedFrom = true;
      const start = words[i].start + word.length - reference.length;
      this.images.push(locatedAt(image, start, words[i].end, reference, { instruction: index, replaceOnly: true }));
    }
  }

  /** For `RUN <<EOF`, the script is the heredoc body. */
  private heredocBody(ast: Run, args: SourceRange | undefined): SourceRange | undefined {
    if (!args || !this.text.startsWith('<<', args.start)) return undefined;
    const heredoc = ast.getHeredocs()[0];
    if (!heredoc) return undefined;
    const content = heredoc.getContentRange();
    if (content) return this.range(content);
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

  /**
   * Words and operators of a shell-form command. The shell tokenizer knows `\`-newline continuations;
   * with `# escape=\``, Docker removes the backtick-newline pairs before the shell sees the text, so each
   * continued line is tokenized on its own.
   */
  shellTokens(start: number, end: number): Pick<ShellCommand, 'words' | 'operators'> {
    const words: Located<string>[] = [];
    const operators: Located<string>[] = [];
    const collect = (from: number, to: number) => {
      for (const token of tokenizeShell(this.text, from, to)) {
        if (token.type === 'word') words.push(located(token.value, token.start, token.end, token.raw));
        else operators.push(located<string>(token.value, token.start, token.end, this.text.slice(token.start, token.end)));
      }
    };
    if (this.escapeChar === '\\') {
      collect(start, end);
    } else {
      const continuation = this.continuationPattern();
      continuation.lastIndex = start;
      let from = start;
      for (let m = continuation.exec(this.text); m && m.index < end; m = continuation.exec(this.text)) {
        collect(from, m.index);
        from = m.index + m[0].length;
      }
      collect(from, end);
    }
    return { words, operators };
  }

  private continuation?: RegExp;

  private continuationPattern(): RegExp {
    const escaped = this.escapeChar.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');
    this.continuation ??= new RegExp(`${escaped}[ \\t]*(?:\\r\\n|\\n|\\r)`, 'g');
    return this.continuation;
  }

  private finalSpec(handle: DockerfileHandle): ContainerSpec {
    const finalIndex = this.stages.length - 1;
    const final = this.stages[finalIndex];
    const from = this.instructions[final.from];
    const chain = stageChain(handle, finalIndex);
    const base = this.stages[chain[chain.length - 1]];

    const spec = emptySpec({
      kind: 'dockerfile',
      name: final.name ?? (final.imageRange ? this.text.slice(final.imageRange.start, final.imageRange.end) : ''),
      range: { ...final.range },
      nameRange: { start: from.range.start, end: final.imageRange?.end ?? from.range.end },
      node: finalIndex,
    });

    // An image keeps the USER, EXPOSE and VOLUME of the stage it is built FROM, so walk the chain.
    for (let i = chain.length - 1; i >= 0; i--) {
      const settings = this.settings[chain[i]];
      if (settings.user !== undefined) spec.user = settings.user;
      spec.ports.push(...settings.ports);
      spec.mounts.push(...settings.mounts);
    }
    if (spec.user === undefined && base.image && !base.imageIsUnknown && !runsAsNonRootByDefault(base.image)) {
      spec.implicitRootAt = final.imageRange ?? from.range;
    }
    // The image keeps the nearest ENTRYPOINT and CMD along the chain.
    const entrypoint = chain.map((s) => this.settings[s].entrypoint).find((c) => c !== undefined);
    const cmd = chain.map((s) => this.settings[s].cmd).find((c) => c !== undefined);
    spec.dropsPrivilegesAtRuntime = this.dropsPrivileges(chain, base, entrypoint, cmd);
    const role = imageRole(base.imageIsUnknown ? undefined : base.image, entrypoint, cmd);
    if (role) spec.imageRole = role;

    if (final.imageIsUnknown && final.imageRange) {
      const { start, end } = final.imageRange;
      const raw = this.text.slice(start, end);
      spec.image = unknown(start, end, raw, VARIABLE_REFERENCE.test(raw) ? 'FROM refers to a build argument' : PLACEHOLDER_REASON);
    } else if (final.image && final.imageRange) {
      spec.image = this.images.find((i) => i.range.start === final.imageRange!.start);
    }
    spec.images = this.images;
    spec.env = this.env;
    spec.commands = this.commands;
    spec.downloads = this.downloads;
    spec.stages = this.stages.map((s, i) => (s.name === undefined ? { range: { ...s.range }, inFinalImage: chain.includes(i) } : { range: { ...s.range }, name: s.name, inFinalImage: chain.includes(i) }));
    spec.copies = this.copies;
    spec.labels = this.labels;
    return spec;
  }

  /**
   * Dockerfile text without FROM: the findings its instructions carry (`RUN sudo`, `USER root`, `ENV PASSWORD=…`,
   * EXPOSE 22), but none that need a whole image (no USER at all, the base image's pinning): it is a fragment.
   */
  private fragmentSpec(): ContainerSpec {
    const first = this.instructions[0];
    const last = this.instructions[this.instructions.length - 1];
    const spec = emptySpec({
      kind: 'dockerfile',
      name: 'Dockerfile fragment',
      range: { start: first.range.start, end: last.range.end },
      nameRange: { ...first.range },
      node: -1,
    });
    spec.incomplete = true;
    spec.fragment = true;
    const settings = this.headless;
    spec.user = settings.user;
    spec.ports.push(...settings.ports);
    spec.mounts.push(...settings.mounts);
    spec.dropsPrivilegesAtRuntime = ownPrivilegeDrop(settings.entrypoint, settings.cmd);
    spec.env = this.env;
    spec.commands = this.commands;
    spec.downloads = this.downloads;
    return spec;
  }

  /** The stage of the instruction at `offset` (-1 before the first FROM). */
  private stageAt(offset: number): number {
    const instruction = this.instructions.find((i) => i.range.start <= offset && offset <= i.range.end);
    return instruction?.stage ?? -1;
  }

  private dropsPrivileges(chain: number[], base: StageInfo, entrypoint: ShellCommand | undefined, cmd: ShellCommand | undefined): PrivilegeDrop | undefined {
    if ([entrypoint, cmd].some((command) => command && PRIVILEGE_DROP.test(commandText(command)))) return 'entrypoint';
    // Built like the official images: gosu/su-exec installed (or tried) by a RUN of this image, and an
    // entrypoint script, which cannot be read from here, to use it.
    const startsThroughScript = entrypoint !== undefined && /(?:\.sh|entrypoint)\b/i.test(entrypoint.text.value);
    if (startsThroughScript && this.commands.some((c) => c.kind === 'run' && chain.includes(this.stageAt(c.text.range.start)) && PRIVILEGE_DROP.test(c.text.value))) {
      return 'entrypoint';
    }
    // Built on an official image that gives root up itself (postgres, nginx…), judged as that image is when a
    // Compose file or `docker run` starts it: with its own entrypoint, running its server.
    const keepsOfficialEntrypoint = !entrypoint || /docker-(?:php-)?entrypoint(?:\.sh)?\b/.test(entrypoint.text.value);
    const fromImage = keepsOfficialEntrypoint && base.image !== undefined ? imagePrivilegeDrop(base.image, cmd ? firstWord(cmd) : undefined) : undefined;
    // Seen directly (the nginx or httpd image's own Dockerfile): the command starts such a server.
    return fromImage ?? ownPrivilegeDrop(entrypoint, cmd);
  }
}

/** What a container's own ENTRYPOINT/CMD tell: a user switch, or a server with unprivileged workers. */
function ownPrivilegeDrop(entrypoint: ShellCommand | undefined, cmd: ShellCommand | undefined): PrivilegeDrop | undefined {
  const texts = [entrypoint, cmd].flatMap((c) => (c ? [commandText(c)] : []));
  if (texts.some((t) => PRIVILEGE_DROP.test(t))) return 'entrypoint';
  return texts.some((t) => SERVER_WITH_UNPRIVILEGED_WORKERS.test(t)) ? 'workers' : undefined;
}

/** The program a command starts: its first word (the exec form's first string). */
function firstWord(command: ShellCommand): string | undefined {
  return command.form === 'exec' ? command.words[0]?.value : /^\s*(\S+)/.exec(command.text.value)?.[1];
}

/**
 * `located(value, start, end, raw, { node })` without the spread of an extra object: the reader makes one
 * or two per ENV/ARG, FROM, EXPOSE and VOLUME argument. Same properties, in the same order.
 */
function locatedAt<T>(value: T, start: number, end: number, raw: string, node: ValueNode): Located<T> {
  return { value, range: { start, end }, raw, node };
}

/** A command as one string: the exec form's words joined, the shell form as written. */
function commandText(command: ShellCommand): string {
  return command.form === 'exec' ? command.words.map((w) => w.value).join(' ') : command.text.value;
}

/** `"/data"` → `/data`: shell-form arguments may be quoted. */
function unquote(raw: string): string {
  const q = raw[0];
  return raw.length >= 2 && (q === '"' || q === "'") && raw[raw.length - 1] === q ? raw.slice(1, -1) : raw;
}

type ShellTokens = Pick<ShellCommand, 'words' | 'operators'>;

/**
 * A shell-form command whose words and operators are tokenized when first read: rules look into few
 * commands (they skip those whose text cannot match), and tokenizing every RUN line up front was most
 * of the reader's cost. A class, so every command shares one shape and its accessors; the private
 * fields stay out of JSON and deep comparisons.
 */
class LazyShellCommand implements ShellCommand {
  readonly form = 'shell';
  #tokens: ShellTokens | undefined;
  /** The reader and the command's offsets rather than a closure over them: one context object less per command. */
  #reader: DockerfileReader | undefined;
  readonly #start: number;
  readonly #end: number;

  constructor(
    readonly kind: ShellCommand['kind'],
    readonly text: Located<string>,
    reader: DockerfileReader,
    start: number,
    end: number,
  ) {
    this.#reader = reader;
    this.#start = start;
    this.#end = end;
  }

  #read(): ShellTokens {
    if (this.#tokens === undefined) {
      this.#tokens = this.#reader!.shellTokens(this.#start, this.#end);
      this.#reader = undefined; // let the reader go
    }
    return this.#tokens;
  }

  get words(): Located<string>[] {
    return this.#read().words;
  }

  set words(words: Located<string>[]) {
    this.#tokens = { ...this.#read(), words };
  }

  get operators(): Located<string>[] | undefined {
    return this.#read().operators;
  }

  set operators(operators: Located<string>[] | undefined) {
    this.#tokens = { ...this.#read(), operators };
  }
}
