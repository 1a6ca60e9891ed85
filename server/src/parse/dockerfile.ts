import { DockerfileParser, type Add, type Arg, type Env, type From, type Healthcheck, type Instruction, type Run } from 'dockerfile-ast';
import { emptySpec, type ContainerSpec, type EnvVar, type ImageRef, type Mount, type ParsedFile, type ParseProblem, type Port, type RemoteSource, type ShellCommand } from '../model/containerSpec';
import { LineIndex } from '../model/lineIndex';
import { located, unknown, type Located, type Maybe, type SourceRange } from '../model/located';
import { stageChain, type DockerfileHandle, type InstructionInfo, type StageInfo, type ValueNode } from './dockerfile/handle';
import { officialEntrypointDropsPrivileges, parseImageReference, runsAsNonRootByDefault, VARIABLE_REFERENCE } from './dockerfile/images';
import { scanJsonStringArray } from './dockerfile/jsonArray';
import { tokenizeShell } from './shellWords';

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

/** Parses a Dockerfile into one ContainerSpec (the final stage). Never throws. */
export function parseDockerfile(text: string): ParsedFile {
  try {
    return new DockerfileReader(text).read();
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
  private readonly stageByName = new Map<string, number>();
  private readonly env: Located<EnvVar>[] = [];
  private readonly commands: ShellCommand[] = [];
  private readonly images: Located<ImageRef>[] = [];
  private readonly downloads: Located<RemoteSource>[] = [];
  private escapeChar = '\\';

  constructor(private readonly text: string) {
    this.lines = new LineIndex(text);
  }

  read(): ParsedFile {
    const dockerfile = DockerfileParser.parse(this.text);
    this.escapeChar = dockerfile.getEscapeCharacter();
    for (const ast of dockerfile.getInstructions()) this.visit(ast);

    const handle: DockerfileHandle = {
      lines: this.lines,
      eol: LineIndex.eol(this.text),
      escapeChar: this.escapeChar,
      instructions: this.instructions,
      stages: this.stages,
    };
    const specs = this.stages.length > 0 ? [this.finalSpec(handle)] : [];
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
    if (keyword === 'FROM') {
      this.visitFrom(ast as From, range);
      return;
    }
    const index = this.instructions.length;
    const stage = this.stages.length - 1;
    this.instructions.push({ keyword, written: ast.getInstruction(), range, ast, stage });
    if (stage >= 0) {
      this.stages[stage].instructions.push(index);
      this.stages[stage].range.end = range.end;
    }
    const settings: StageSettings | undefined = this.settings[stage];

    switch (keyword) {
      case 'ARG':
      case 'ENV':
        this.visitVariables(ast as Arg | Env, keyword === 'ARG' ? 'arg' : 'env', index);
        break;
      case 'USER':
        if (settings) settings.user = this.userOf(ast, index) ?? settings.user;
        break;
      case 'EXPOSE':
        if (settings) this.visitExpose(ast, index, settings.ports);
        break;
      case 'VOLUME':
        if (settings) this.visitVolume(ast, index, settings.mounts);
        break;
      case 'RUN': {
        const command = this.command('run', ast, this.heredocBody(ast as Run));
        if (command) this.commands.push(command);
        break;
      }
      case 'CMD':
      case 'ENTRYPOINT': {
        const command = this.command(keyword === 'CMD' ? 'cmd' : 'entrypoint', ast);
        if (command) this.commands.push(command);
        if (command && settings) settings[keyword === 'CMD' ? 'cmd' : 'entrypoint'] = command;
        break;
      }
      case 'ADD':
        this.visitAdd(ast as Add);
        break;
      case 'HEALTHCHECK': {
        const args = (ast as Healthcheck).getArguments();
        if (args.length > 1 && args[0].getValue().toUpperCase() === 'CMD') {
          const command = this.command('healthcheck', ast, undefined, this.offset(args[1].getRange().start));
          if (command) this.commands.push(command);
        }
        break;
      }
    }
  }

  private visitFrom(ast: From, range: SourceRange): void {
    const index = this.instructions.length;
    this.instructions.push({ keyword: 'FROM', written: ast.getInstruction(), range, ast, stage: this.stages.length });
    const stage: StageInfo = { from: index, imageIsVariable: false, instructions: [], range: { ...range } };
    const imageText = ast.getImage();
    const imageAstRange = ast.getImageRange();
    const alias = ast.getBuildStage();
    if (alias) stage.name = alias.toLowerCase();

    if (imageText === null || imageAstRange === null) {
      this.problems.push({ message: 'FROM needs an image name.', range, severity: 'error' });
    } else if (VARIABLE_REFERENCE.test(imageText)) {
      stage.imageIsVariable = true;
      stage.imageRange = this.range(imageAstRange);
    } else {
      const imageRange = this.range(imageAstRange);
      const image = parseImageReference(imageText);
      const parent = this.stageByName.get(imageText.toLowerCase());
      if (parent !== undefined) {
        image.isStage = true;
        stage.parent = parent;
      }
      const platform = ast.getPlatformFlag()?.getValue();
      if (platform) image.platform = platform;
      stage.image = image;
      stage.imageRange = imageRange;
      this.images.push(located(image, imageRange.start, imageRange.end, this.text.slice(imageRange.start, imageRange.end), { node: { instruction: index, replaceOnly: true } satisfies ValueNode }));
    }

    // A later stage with the same name shadows the earlier one for the stages after it.
    if (stage.name) this.stageByName.set(stage.name, this.stages.length);
    this.stages.push(stage);
    this.settings.push({ ports: [], mounts: [] });
  }

  private visitVariables(ast: Arg | Env, source: 'arg' | 'env', index: number): void {
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
          : located(rawValue, valueRange.start, valueRange.end, raw, { node: { instruction: index, replaceOnly: true } satisfies ValueNode });
      }
      const variable: EnvVar = { name, source };
      if (value !== undefined) variable.value = value;
      this.env.push(located(variable, nameRange.start, end, this.text.slice(nameRange.start, end), { node: { instruction: index } satisfies ValueNode }));
    }
  }

  private userOf(ast: Instruction, index: number): Maybe<string> {
    const argsRange = ast.getArgumentsRange();
    if (argsRange === null) return undefined;
    const { start, end } = this.range(argsRange);
    const raw = this.text.slice(start, end);
    if (VARIABLE_REFERENCE.test(raw)) return unknown(start, end, raw, 'USER refers to a build argument or variable');
    return located(raw, start, end, raw, { node: { instruction: index, arg: 0 } satisfies ValueNode });
  }

  private visitExpose(ast: Instruction, index: number, ports: Located<Port>[]): void {
    const args = ast.getArguments();
    for (let i = 0; i < args.length; i++) {
      const { start, end } = this.range(args[i].getRange());
      const raw = this.text.slice(start, end);
      const match = EXPOSE_ARGUMENT.exec(raw);
      if (!match) continue; // `$PORT` or a typo: unknown, not a port
      const containerPort = located(match[1], start, start + match[1].length, match[1]);
      const port: Port = { containerPort, protocol: (match[2] ?? 'tcp').toLowerCase(), mode: 'exposed', syntax: 'short' };
      ports.push(located(port, start, end, raw, { node: { instruction: index, arg: i } satisfies ValueNode }));
    }
  }

  private visitVolume(ast: Instruction, index: number, mounts: Located<Mount>[]): void {
    const argsRange = ast.getArgumentsRange();
    if (argsRange === null) return;
    const { start, end } = this.range(argsRange);
    const elements = scanJsonStringArray(this.text, start, end, this.escapeChar);
    if (elements) {
      for (const e of elements) {
        if (VARIABLE_REFERENCE.test(e.value)) continue;
        const target = located(e.value, e.contentStart, e.contentEnd, this.text.slice(e.contentStart, e.contentEnd));
        const mount: Mount = { type: 'volume', target, readOnly: false, syntax: 'volume-instruction' };
        mounts.push(located(mount, e.start, e.end, this.text.slice(e.start, e.end), { node: { instruction: index, json: true } satisfies ValueNode }));
      }
      return;
    }
    const args = ast.getArguments();
    for (let i = 0; i < args.length; i++) {
      const range = this.range(args[i].getRange());
      const raw = this.text.slice(range.start, range.end);
      if (VARIABLE_REFERENCE.test(raw)) continue;
      const target = located(args[i].getValue(), range.start, range.end, raw);
      const mount: Mount = { type: 'volume', target, readOnly: false, syntax: 'volume-instruction' };
      mounts.push(located(mount, range.start, range.end, raw, { node: { instruction: index, arg: i } satisfies ValueNode }));
    }
  }

  /** `ADD https://… /dest`: every source but the last argument (the destination) that is a URL. */
  private visitAdd(ast: Add): void {
    const argsRange = ast.getArgumentsRange();
    const args = ast.getArguments();
    if (argsRange === null || args.length === 0) return;
    const checksum = ast.getFlags().some((f) => f.getName().toLowerCase() === 'checksum' && !!f.getValue());
    const start = this.offset(args[0].getRange().start);
    const end = this.offset(argsRange.end);
    const elements = scanJsonStringArray(this.text, start, end, this.escapeChar);
    const sources = elements
      ? elements.slice(0, -1).map((e) => ({ url: e.value, start: e.contentStart, end: e.contentEnd }))
      : args.slice(0, -1).map((a) => ({ url: a.getValue(), ...this.range(a.getRange()) }));
    for (const source of sources) {
      if (!/^https?:\/\//i.test(source.url)) continue;
      this.downloads.push(located({ url: source.url, checksum }, source.start, source.end, this.text.slice(source.start, source.end)));
    }
  }

  /** For `RUN <<EOF`, the script is the heredoc body. */
  private heredocBody(ast: Run): SourceRange | undefined {
    const first = ast.getArguments()[0];
    if (!first || !first.getValue().startsWith('<<')) return undefined;
    const heredoc = ast.getHeredocs()[0];
    if (!heredoc) return undefined;
    const content = heredoc.getContentRange();
    if (content) return this.range(content);
    const at = this.lines.lineStart(heredoc.getStartRange().start.line + 1);
    return { start: at, end: at };
  }

  /**
   * A RUN/CMD/ENTRYPOINT/HEALTHCHECK command. The text starts after the instruction's flags (or at
   * `from` for HEALTHCHECK, after its CMD) and runs to the end of the instruction.
   */
  private command(kind: ShellCommand['kind'], ast: Instruction, body?: SourceRange, from?: number): ShellCommand | undefined {
    let start: number;
    let end: number;
    if (body) {
      ({ start, end } = body);
    } else {
      const args = ast.getArguments();
      const argsRange = ast.getArgumentsRange();
      if (args.length === 0 || argsRange === null) return undefined;
      start = from ?? this.offset(args[0].getRange().start);
      end = this.offset(argsRange.end);
    }
    const raw = this.text.slice(start, end);
    const text = located(raw, start, end, raw);
    const elements = body ? null : scanJsonStringArray(this.text, start, end, this.escapeChar);
    if (elements) {
      const words = elements.map((e) => located(e.value, e.contentStart, e.contentEnd, this.text.slice(e.contentStart, e.contentEnd)));
      return { kind, words, text, form: 'exec' };
    }
    return { kind, text, form: 'shell', ...this.shellTokens(start, end) };
  }

  /**
   * Words and operators of a shell-form command. The shell tokenizer knows `\`-newline continuations;
   * with `# escape=\``, Docker removes the backtick-newline pairs before the shell sees the text, so each
   * continued line is tokenized on its own.
   */
  private shellTokens(start: number, end: number): Pick<ShellCommand, 'words' | 'operators'> {
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
    if (spec.user === undefined && base.image && !base.imageIsVariable && !runsAsNonRootByDefault(base.image)) {
      spec.implicitRootAt = final.imageRange ?? from.range;
    }
    spec.dropsPrivilegesAtRuntime = this.dropsPrivileges(chain, base);

    if (final.imageIsVariable && final.imageRange) {
      const { start, end } = final.imageRange;
      spec.image = unknown(start, end, this.text.slice(start, end), 'FROM refers to a build argument');
    } else if (final.image && final.imageRange) {
      spec.image = this.images.find((i) => i.range.start === final.imageRange!.start);
    }
    spec.images = this.images;
    spec.env = this.env;
    spec.commands = this.commands;
    spec.downloads = this.downloads;
    return spec;
  }

  private dropsPrivileges(chain: number[], base: StageInfo): boolean {
    const entrypoint = chain.map((s) => this.settings[s].entrypoint).find((c) => c !== undefined);
    const cmd = chain.map((s) => this.settings[s].cmd).find((c) => c !== undefined);
    for (const command of [entrypoint, cmd]) {
      if (!command) continue;
      const text = command.form === 'exec' ? command.words.map((w) => w.value).join(' ') : command.text.value;
      if (PRIVILEGE_DROP.test(text)) return true;
    }
    // The official database images switch users in their own docker-entrypoint.sh.
    const keepsOfficialEntrypoint = !entrypoint || /docker-entrypoint(?:\.sh)?\b/.test(entrypoint.text.value);
    return keepsOfficialEntrypoint && base.image !== undefined && officialEntrypointDropsPrivileges(base.image);
  }
}
