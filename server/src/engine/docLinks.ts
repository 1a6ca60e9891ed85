import { rules as registeredRules } from '../../../rules';

/**
 * Links to Capdrop's documentation, which ships with it (docs/ in the extension and in the npm
 * package): there is no web site to point at. A page is a rule id (docs/rules/<id>.md) or the name of
 * a page in docs/ (`hardening`, `hosts`, `editor`, `cli`, `limits`).
 *
 * `command`: a `command:capdrop.showDocumentation?["page"]` URI, which the VS Code extension opens in
 * the Markdown preview, wherever the extension runs (locally, on a remote, in the browser). Otherwise
 * the page's file next to the running code (server/src/files/docFiles.ts finds the folder), for other
 * LSP clients and tools. Plain data either way: it crosses to the scan workers.
 */
export type DocLinkStyle = 'command' | FileDocLinks;

/** The `file:` URI of the docs/ folder that ships beside the running code. */
export interface FileDocLinks {
  docsUri: string;
}

export const SHOW_DOCUMENTATION_COMMAND = 'capdrop.showDocumentation';

/** The page of the per-container hardening summary. */
export const HARDENING_PAGE = 'hardening';

const PAGE = /^[a-z0-9][a-z0-9-]*$/;

export function docLink(style: DocLinkStyle, page: string): string {
  if (!PAGE.test(page)) throw new Error(`not a documentation page: ${page}`);
  if (style === 'command') return `command:${SHOW_DOCUMENTATION_COMMAND}?${encodeURIComponent(JSON.stringify([page]))}`;
  // Every rule has its page under docs/rules/ (test/meta.test.ts); the other pages are in docs/. A page
  // name needs no percent-encoding (PAGE).
  return `${style.docsUri}/${page in registeredRules ? 'rules/' : ''}${page}.md`;
}
