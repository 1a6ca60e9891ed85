import type { Arg, Env, Label as LabelInstruction } from 'dockerfile-ast';
import type { EnvVar, Label } from '../../model/containerSpec';
import { isKnown, located, unknown, type Located, type Maybe } from '../../model/located';
import type { ValueNode } from './handle';
import { VARIABLE_REFERENCE } from './images';
import { locatedAt, sourceRange, type DockerfileReaderState } from './readerState';
import { simpleProperties } from './simpleProperties';

/**
 * ENV, ARG and LABEL, whose `NAME=value` pairs the reader keeps in the order written, and the variables
 * they declare as seen from a later instruction (`USER $APP_USER`).
 */

/** ENV and ARG: one variable per `NAME=value` pair. */
export function visitVariables(state: DockerfileReaderState, ast: Arg | Env, source: 'arg' | 'env', index: number, argsStart: number, end: number): void {
  readProperties(state, ast, index, argsStart, end, (name, value, start, stop) => {
    const variable: EnvVar = { name, source };
    if (value !== undefined) variable.value = value;
    state.env.push(locatedAt(variable, start, stop, state.text.slice(start, stop), { instruction: index }));
  });
}

export function visitLabels(state: DockerfileReaderState, ast: LabelInstruction, index: number, argsStart: number, end: number): void {
  readProperties(state, ast, index, argsStart, end, (name, value, start, stop) => {
    const label: Label = { name };
    if (value !== undefined) label.value = value;
    state.labels.push(locatedAt(label, start, stop, state.text.slice(start, stop), { instruction: index }));
  });
}

/** The `NAME=value` (or legacy `NAME value`) pairs of an ENV, ARG or LABEL, with the span of each pair. */
function readProperties(
  state: DockerfileReaderState,
  ast: Arg | Env | LabelInstruction,
  index: number,
  argsStart: number,
  end: number,
  visit: (name: Located<string>, value: Maybe<string> | undefined, start: number, end: number) => void,
): void {
  const text = state.text;
  const simple = state.escapeChar === '\\' ? simpleProperties(text, argsStart, end) : null;
  if (simple) {
    // Plain `NAME=value` words: the raw value is the value, unless it refers to a variable.
    for (const { name: nameRange, value: valueRange } of simple) {
      const nameText = text.slice(nameRange.start, nameRange.end);
      const valueText = text.slice(valueRange.start, valueRange.end);
      const value = VARIABLE_REFERENCE.test(valueText)
        ? unknown(valueRange.start, valueRange.end, valueText, 'refers to a build argument or variable')
        : locatedAt(valueText, valueRange.start, valueRange.end, valueText, { instruction: index, replaceOnly: true });
      visit(located(nameText, nameRange.start, nameRange.end, nameText), value, nameRange.start, valueRange.end);
    }
    return;
  }
  for (const property of ast.getProperties()) {
    const nameRange = sourceRange(state.lines, property.getNameRange());
    const name = located(property.getName(), nameRange.start, nameRange.end, text.slice(nameRange.start, nameRange.end));
    const valueAstRange = property.getValueRange();
    const rawValue = property.getValue();
    let value: Maybe<string>;
    let end = nameRange.end;
    if (valueAstRange !== null && rawValue !== null) {
      const valueRange = sourceRange(state.lines, valueAstRange);
      const raw = text.slice(valueRange.start, valueRange.end);
      end = valueRange.end;
      value = VARIABLE_REFERENCE.test(raw)
        ? unknown(valueRange.start, valueRange.end, raw, 'refers to a build argument or variable')
        : locatedAt(rawValue, valueRange.start, valueRange.end, raw, { instruction: index, replaceOnly: true });
    }
    visit(name, value, nameRange.start, end);
  }
}

/**
 * The value of a whole-word `$NAME`, `${NAME}` or `${NAME:-default}` at instruction `index`: the latest ENV or
 * ARG of that name in the same stage (an ARG without a value takes the global ARG's default), else the
 * `:-` default. Undefined when no literal value is written.
 */
export function resolveVariable(state: DockerfileReaderState, raw: string, index: number): string | undefined {
  const match = /^\$(?:([A-Za-z_]\w*)|\{([A-Za-z_]\w*)(?::?-([^${}]*))?\})$/.exec(raw);
  if (!match) return undefined;
  const name = match[1] ?? match[2];
  const fallback = match[3];
  const stage = state.instructions[index].stage;
  const declared = (inStage: number) =>
    state.env.filter((e) => e.value.name.value === name && state.instructions[(e.node as ValueNode).instruction].stage === inStage).pop();
  let variable = declared(stage);
  if (variable && variable.value.source === 'arg' && variable.value.value === undefined) variable = declared(-1) ?? variable;
  const value = variable?.value.value;
  if (value !== undefined && isKnown(value) && value.value !== '') return value.value;
  return fallback !== undefined && fallback !== '' ? fallback : undefined;
}
