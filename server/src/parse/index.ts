import type { InputKind, ParsedFile } from '../model/containerSpec';
import type { SpecWriter } from '../edit/writer';
import { parseCompose } from './compose';
import { parseDockerfile } from './dockerfile';
import { parseShell } from './shell';
import { createComposeWriter } from '../edit/composeWriter';
import { createDockerfileWriter } from '../edit/dockerfileWriter';
import { createRunWriter } from '../edit/runWriter';

/** The kinds of files Capdrop reads. A host file (shell script…) may hold several segments. */
export type FileKind = 'dockerfile' | 'compose' | 'shell';

/** One parsed piece of a file, in one input kind, with its writer. */
export interface Segment {
  kind: InputKind;
  parsed: ParsedFile;
  writer: SpecWriter;
  /** Maps an offset in `parsed.text` to an offset in the host file (identity for whole files). */
  toHost(offset: number): number;
}

const identity = (o: number) => o;

export function parseSegments(text: string, kind: FileKind): Segment[] {
  switch (kind) {
    case 'dockerfile': {
      const parsed = parseDockerfile(text);
      return [{ kind: 'dockerfile', parsed, writer: createDockerfileWriter(parsed), toHost: identity }];
    }
    case 'compose': {
      const parsed = parseCompose(text);
      return [{ kind: 'compose', parsed, writer: createComposeWriter(parsed), toHost: identity }];
    }
    case 'shell': {
      const parsed = parseShell(text);
      return [{ kind: 'run', parsed, writer: createRunWriter(parsed), toHost: identity }];
    }
  }
}

const COMPOSE_NAME = /^(?:docker-)?compose(?:[.-][^/]*)?\.ya?ml$/i;
const DOCKERFILE_NAME = /^(?:(?:docker|container)file(?:\..+)?|.+\.(?:docker|container)file)$/i;
const SHELL_NAME = /\.(?:sh|bash)$/i;

/** Detects the kind of a file from its name; undefined when Capdrop does not read it. */
export function detectKind(path: string): FileKind | undefined {
  const base = path.replace(/^.*[\\/]/, '');
  if (DOCKERFILE_NAME.test(base)) return 'dockerfile';
  if (COMPOSE_NAME.test(base)) return 'compose';
  if (SHELL_NAME.test(base)) return 'shell';
  return undefined;
}
