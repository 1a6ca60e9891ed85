import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { FileDocLinks } from '../engine/docLinks';

let links: FileDocLinks | undefined;

/** Links to the documentation's files (engine/docLinks.ts), for a server or CLI that runs from a disk. */
export function fileDocLinks(): FileDocLinks {
  return (links ??= { docsUri: pathToFileURL(docsRoot()).href });
}

/** docs/ beside the bundle (dist/../docs) or, run from the sources, at the repository's top. */
function docsRoot(): string {
  let dir = __dirname;
  for (let i = 0; i < 5; i++) {
    if (fs.existsSync(path.join(dir, 'docs', 'rules'))) return path.join(dir, 'docs');
    dir = path.dirname(dir);
  }
  return path.join(__dirname, '..', 'docs');
}
