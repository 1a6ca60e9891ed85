import type { Instruction } from 'dockerfile-ast';
import type { ImageRef } from '../../model/containerSpec';
import type { SourceRange } from '../../model/located';
import type { LineIndex } from '../../model/lineIndex';

/** One instruction, reduced to what the writer needs. Offsets are UTF-16 offsets into the text. */
export interface InstructionInfo {
  /** Upper-cased keyword (`RUN`, `USER`…). */
  keyword: string;
  /** The keyword as written (`run`, `Run`…). */
  written: string;
  range: SourceRange;
  /** Where the arguments (flags included) may start: the end of the keyword. */
  argsStart: number;
  /** The dockerfile-ast node, for the few edits that need its argument list. */
  ast: Instruction;
  /** Index into `DockerfileHandle.stages`; -1 for instructions before the first FROM. */
  stage: number;
}

export interface StageInfo {
  /** Index of the FROM in `DockerfileHandle.instructions`. */
  from: number;
  /** `AS <name>`, lower-cased as Docker compares stage names. */
  name?: string;
  /** The FROM image; undefined when missing or built from a variable. */
  image?: ImageRef;
  imageRange?: SourceRange;
  /** The FROM image is written with `$VAR` (unknown until build time) or is a documentation placeholder (`<base-image>`). */
  imageIsUnknown: boolean;
  /** The earlier stage this one builds on (`FROM build`). */
  parent?: number;
  /** Indices into `DockerfileHandle.instructions`, FROM excluded. */
  instructions: number[];
  range: SourceRange;
}

/** How a Located value of the model maps back onto the Dockerfile (stored in `Located.node`). */
export interface ValueNode {
  instruction: number;
  /** Which shell-form argument of the instruction holds the value, when it is one. */
  arg?: number;
  /** The value is one string of an exec-form (JSON) list. */
  json?: boolean;
  /** Part of a larger setting (an ENV value, a FROM image): it can be replaced, not removed. */
  replaceOnly?: boolean;
}

/** The writer's view of a parsed Dockerfile (`ParsedFile.handle`). */
export interface DockerfileHandle {
  lines: LineIndex;
  eol: string;
  escapeChar: string;
  instructions: InstructionInfo[];
  stages: StageInfo[];
}

/** The chain of stages the final stage builds on, final stage first. Stops on cycles. */
export function stageChain(handle: DockerfileHandle, stage: number): number[] {
  const chain: number[] = [];
  for (let s: number | undefined = stage; s !== undefined && !chain.includes(s); s = handle.stages[s].parent) chain.push(s);
  return chain;
}
