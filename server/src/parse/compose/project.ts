import type { ParsedFile } from '../../model/containerSpec';
import { parseCompose } from '../compose';
import { resolveComposeReferences } from './extends';
import type { ComposeFiles } from './files';
import { readEnvFiles } from './envFile';
import { foldProject, type OtherProjectFile } from './projectMerge';
import { loadComposeProject, type ComposeContext } from './projectFiles';

/**
 * Reads a Compose file as part of its project (projectFiles.ts): its `${VAR}`s filled from the
 * project's variables, `extends` followed, the variables of its `env_file:`s added (envFile.ts), and
 * each service folded with its definitions in the project's other files (projectMerge.ts).
 */
export function parseComposeInProject(text: string, files: ComposeFiles | undefined, maxAliasNodes: number | undefined, context: ComposeContext | undefined): ParsedFile {
  const project = loadComposeProject(files, context);
  const parse = (t: string) => parseCompose(t, maxAliasNodes, project.variables);
  const parsed = resolveComposeReferences(parse(text), parse, files);
  if (files) readEnvFiles(parsed, files, project.variables);
  if (!files || project.files.length < 2 || parsed.problems.some((p) => p.severity === 'error')) return parsed;
  const order: (OtherProjectFile | 'linted')[] = [];
  for (const file of project.files) {
    if (file.text === undefined) {
      order.push('linted');
      continue;
    }
    // Another file's `extends` targets are read from where it is, through the same reader.
    const other = resolveComposeReferences(parse(file.text), parse, { path: file.path, paths: files.paths, read: (rel, from) => files.read(rel, from) });
    // A file Compose could not read adds nothing that can be trusted; its own lint reports why.
    if (!other.problems.some((p) => p.severity === 'error')) order.push({ path: file.path, parsed: other });
  }
  foldProject(parsed, order);
  return parsed;
}
