import type { Dockerfile, Instruction } from 'dockerfile-ast';

/**
 * dockerfile-ast's parser, minus the work Capdrop never reads. For RUN, CMD, ENTRYPOINT, SHELL, ADD, COPY
 * and VOLUME, dockerfile-ast builds a JSONInstruction, whose constructor splits every argument of the
 * instruction with its line and column (to tell the exec form), and then splits a RUN, ADD or COPY a
 * second time to look for heredocs: on the long `RUN set -eux; …` scripts of official images that is
 * ~85 % of the parse and nearly all of its 60 MB of garbage (profiled). Capdrop reads those instructions'
 * text itself (dockerfile/words.ts, jsonArray.ts); from dockerfile-ast it needs the instructions' ranges,
 * the escape directive, ENV/ARG/LABEL properties and heredocs. So an instruction of those keywords
 * without `<<` in its arguments is created as a plain `Instruction` (same keyword and ranges), and the
 * heredoc search is skipped for it; every other instruction is dockerfile-ast's own.
 *
 * This hooks two private methods of dockerfile-ast's `Parser` (0.7.x). Should a release rename them, the
 * parser is dockerfile-ast's as it comes (`lazyParserWorks`), and test/parse/dockerfile-lazy-parser.test.ts,
 * which reads the corpus both ways, fails.
 */

/** Keywords whose dockerfile-ast class is a JSONInstruction. */
const JSON_INSTRUCTIONS = new Set(['RUN', 'CMD', 'ENTRYPOINT', 'SHELL', 'ADD', 'COPY', 'VOLUME']);

interface ParserInternals {
  document: { positionAt(offset: number): { line: number; character: number } };
  escapeChar: string;
  createInstruction(dockerfile: Dockerfile, instruction: string, start: number, instructionEnd: number, end: number): Instruction;
  processHeredocs(instruction: Instruction, offset: number): number;
  parse(buffer: string): Dockerfile;
}

type ParserClass = new () => ParserInternals;
type InstructionClass = new (...args: unknown[]) => Instruction;

let stock = false;

/** Runs `fn` with dockerfile-ast's parser as it comes (the differential test). */
export function withStockParser<T>(fn: () => T): T {
  stock = true;
  try {
    return fn();
  } finally {
    stock = false;
  }
}

let loaded: { Parser: ParserClass; Instruction: InstructionClass; parse: (text: string) => Dockerfile; hooksFound: boolean } | undefined;

/**
 * Loaded on the first Dockerfile rather than when the bundle starts: a CLI run over Compose files alone
 * never evaluates dockerfile-ast (~5 ms of the CLI's start-up, profiled).
 */
function load(): NonNullable<typeof loaded> {
  if (loaded) return loaded;
  const ast = require('dockerfile-ast') as typeof import('dockerfile-ast');
  const { Parser } = require('dockerfile-ast/lib/parser') as { Parser: ParserClass };
  const proto = Parser.prototype as Partial<ParserInternals>;
  const hooksFound = typeof proto.createInstruction === 'function' && typeof proto.processHeredocs === 'function';
  return (loaded = { Parser, Instruction: ast.Instruction as unknown as InstructionClass, parse: (text) => ast.DockerfileParser.parse(text), hooksFound });
}

/** Whether dockerfile-ast's parser still has the methods this module hooks. */
export function lazyParserWorks(): boolean {
  return load().hooksFound;
}

/** Parses `text` as dockerfile-ast does, with the instructions Capdrop reads itself left plain (see above). */
export function parseDockerfileAst(text: string): Dockerfile {
  const { Parser, Instruction, parse, hooksFound } = load();
  if (stock || !hooksFound) return parse(text);
  const parser = new Parser();
  const createInstruction = parser.createInstruction;
  const processHeredocs = parser.processHeredocs;
  let plain: Instruction | undefined;
  // The next `<<` at or after the offset last searched from: instructions come in order, so one pass in all.
  let marker = -2;
  const markerFrom = (from: number) => {
    if (marker !== -1 && marker < from) marker = text.indexOf('<<', from);
    return marker;
  };
  parser.createInstruction = function (this: ParserInternals, dockerfile, instruction, start, instructionEnd, end) {
    const next = markerFrom(instructionEnd);
    if (!JSON_INSTRUCTIONS.has(instruction.toUpperCase()) || (next >= 0 && next < end)) return createInstruction.call(this, dockerfile, instruction, start, instructionEnd, end);
    // As dockerfile-ast's own createInstruction, with the base class.
    const startPosition = this.document.positionAt(start);
    const instructionRange = { start: startPosition, end: this.document.positionAt(instructionEnd) };
    const lineRange = { start: startPosition, end: this.document.positionAt(end) };
    plain = new Instruction(this.document, lineRange, dockerfile, this.escapeChar, instruction, instructionRange);
    return plain;
  };
  parser.processHeredocs = function (this: ParserInternals, instruction, offset) {
    return instruction === plain ? offset : processHeredocs.call(this, instruction, offset);
  };
  return parser.parse(text);
}
