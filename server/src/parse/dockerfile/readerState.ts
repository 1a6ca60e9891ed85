import type { Instruction } from 'dockerfile-ast';
import type { EnvVar, FileCopy, ImageRef, Label, Mount, ParseProblem, Port, RemoteSource, ShellCommand } from '../../model/containerSpec';
import type { LineIndex } from '../../model/lineIndex';
import type { Located, Maybe, SourceRange } from '../../model/located';
import type { InstructionInfo, StageInfo, ValueNode } from './handle';

/**
 * What the Dockerfile reader has gathered while visiting the instructions, shared with the modules that read
 * some instructions for it (properties.ts, copies.ts) and that assemble the spec at the end (finalSpec.ts).
 * The reader class implements it: its fields are read in place, never copied.
 */
export interface DockerfileReaderState {
  readonly text: string;
  readonly lines: LineIndex;
  /** `\` unless a `# escape=` directive says otherwise. */
  readonly escapeChar: string;
  readonly problems: ParseProblem[];
  readonly instructions: InstructionInfo[];
  readonly stages: StageInfo[];
  /** One per stage, in the order of `stages`. */
  readonly settings: StageSettings[];
  /** Settings written before any FROM: only a fragment without FROM (a Markdown example, a file being typed) uses them. */
  readonly headless: StageSettings;
  readonly stageByName: Map<string, number>;
  readonly env: Located<EnvVar>[];
  readonly commands: ShellCommand[];
  readonly images: Located<ImageRef>[];
  readonly downloads: Located<RemoteSource>[];
  readonly copies: Located<FileCopy>[];
  readonly labels: Located<Label>[];
}

/** Runtime settings one stage writes into its image; a stage built `FROM` another inherits them. */
export interface StageSettings {
  user?: Maybe<string>;
  ports: Located<Port>[];
  mounts: Located<Mount>[];
  entrypoint?: ShellCommand;
  cmd?: ShellCommand;
}

type AstRange = ReturnType<Instruction['getRange']>;

/** A dockerfile-ast range (line and character) as offsets into the text. */
export function sourceRange(lines: LineIndex, r: AstRange): SourceRange {
  return { start: lines.offset(r.start.line, r.start.character), end: lines.offset(r.end.line, r.end.character) };
}

/**
 * `located(value, start, end, raw, { node })` without the spread of an extra object: the reader makes one
 * or two per ENV/ARG, FROM, EXPOSE and VOLUME argument. Same properties, in the same order.
 */
export function locatedAt<T>(value: T, start: number, end: number, raw: string, node: ValueNode): Located<T> {
  return { value, range: { start, end }, raw, node };
}
