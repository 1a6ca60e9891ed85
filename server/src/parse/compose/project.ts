import type { ParsedFile } from '../../model/containerSpec';
import { parseCompose } from '../compose';
import { resolveComposeReferences } from './extends';
import type { ComposeFiles } from './files';
import { loadComposeProject, type ComposeContext } from './projectFiles';

/**
 * Reads a Compose file as part of its project (projectFiles.ts): its `${VAR}`s filled from the
 * project's variables, `extends` followed.
 */
export function parseComposeInProject(text: string, files: ComposeFiles | undefined, maxAliasNodes: number | undefined, context: ComposeContext | undefined): ParsedFile {
  const project = loadComposeProject(files, context);
  const parse = (t: string) => parseCompose(t, maxAliasNodes, project.variables);
  return resolveComposeReferences(parse(text), parse, files);
}
