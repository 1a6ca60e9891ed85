import { isMap, isScalar, isSeq } from 'yaml';
import type { ContainerSpec, EnvVar, ParsedFile } from '../../model/containerSpec';
import type { Located, SourceRange } from '../../model/located';
import { LineIndex } from '../../model/lineIndex';
import { pathsOf, type ComposeFiles } from './files';
import { interpolate, type ComposeVariables } from './interpolate';
import { parseDotenv } from './dotenv';
import type { ServiceRef } from './refs';

/** More entries than this in one service's `env_file:` are not read. */
const MAX_ENV_FILES = 16;

/**
 * Adds the variables of each service's `env_file:` entries to its environment (source `env_file`), so
 * `no-secrets-in-env` sees a literal secret written there. Capdrop does not lint env files, so each
 * variable is located at the `env_file:` entry of the linted file and names its line in the env file
 * (`writtenIn`); nothing there is editable. A file named `.env` is left out: it is where Compose reads
 * the project's variables, the place the docs recommend for secrets, and kept out of version control.
 * Files are read through the reader (inside the trusted roots); a missing one adds nothing.
 */
export function readEnvFiles(parsed: ParsedFile, files: ComposeFiles, variables: ComposeVariables | undefined): void {
  for (const spec of parsed.specs) {
    const entry = (spec.origin.node as ServiceRef | undefined)?.entries.get('env_file');
    if (!entry) continue;
    const items = isSeq(entry.value) ? entry.value.items : [entry.value];
    for (const item of items.slice(0, MAX_ENV_FILES)) {
      const pathNode = isMap(item) ? item.items.find((pair) => isScalar(pair.key) && pair.key.value === 'path')?.value : item;
      if (!isScalar(pathNode) || typeof pathNode.value !== 'string' || !pathNode.range) continue;
      const name = interpolate(pathNode.value, variables);
      if (!name.known || pathsOf(files).basename(name.value) === '.env') continue;
      const read = files.read(name.value, files.path);
      if (read.status !== 'ok') continue;
      const range: SourceRange = { start: pathNode.range[0], end: pathNode.range[1] };
      addVariables(spec, read.path, read.text, range, parsed.text.slice(range.start, range.end), variables);
    }
  }
}

function addVariables(spec: ContainerSpec, file: string, text: string, at: SourceRange, raw: string, variables: ComposeVariables | undefined): void {
  const lines = new LineIndex(text);
  for (const entry of parseDotenv(text, variables)) {
    if (entry.value === undefined || entry.raw === undefined) continue;
    const start = lines.position(entry.nameStart);
    const end = lines.position(entry.end);
    // The name only: the value may be the secret itself.
    const writtenIn = { path: file, start, end: end.line === start.line ? end : start, label: entry.name };
    const name: Located<string> = { value: entry.name, range: at, raw, editable: false, writtenIn };
    const value: Located<string> = { value: entry.value, range: at, raw: entry.raw, editable: false, writtenIn };
    const variable: EnvVar = { name, value, source: 'env_file' };
    spec.env.push({ value: variable, range: at, raw, editable: false, writtenIn });
  }
}
