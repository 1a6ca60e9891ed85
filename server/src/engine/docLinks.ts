import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * Links to Capdrop's documentation, which ships with it (docs/ in the extension and in the npm
 * package): there is no web site to point at. A page is a rule id (docs/rules/<id>.md) or the name of
 * a page in docs/ (`hardening`, `hosts`, `editor`, `cli`, `limits`).
 *
 * `command`: a `command:capdrop.showDocumentation?["page"]` URI, which the VS Code extension opens in
 * the Markdown preview, wherever the extension runs (locally, on a remote, in the browser). `file`: the
 * page's file next to the running code, for other LSP clients and tools.
 */
export type DocLinkStyle = 'command' | 'file';

export const SHOW_DOCUMENTATION_COMMAND = 'capdrop.showDocumentation';

/** The page of the per-container hardening summary. */
export const HARDENING_PAGE = 'hardening';

const PAGE = /^[a-z0-9][a-z0-9-]*$/;

export function docLink(style: DocLinkStyle, page: string): string {
  if (!PAGE.test(page)) throw new Error(`not a documentation page: ${page}`);
  if (style === 'command') return `command:${SHOW_DOCUMENTATION_COMMAND}?${encodeURIComponent(JSON.stringify([page]))}`;
  return pathToFileURL(docFile(page)).href;
}

/** The file of a page: a rule's under docs/rules/, any other directly in docs/. */
export function docFile(page: string): string {
  const root = docsRoot();
  const rule = path.join(root, 'rules', `${page}.md`);
  return fs.existsSync(rule) ? rule : path.join(root, `${page}.md`);
}

let root: string | undefined;

/** docs/ beside the bundle (dist/../docs) or, run from the sources, at the repository's top. */
function docsRoot(): string {
  if (root) return root;
  let dir = __dirname;
  for (let i = 0; i < 5; i++) {
    if (fs.existsSync(path.join(dir, 'docs', 'rules'))) return (root = path.join(dir, 'docs'));
    dir = path.dirname(dir);
  }
  return (root = path.join(__dirname, '..', 'docs'));
}
