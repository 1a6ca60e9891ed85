import * as fs from 'node:fs';

/** Whether `p` is a regular file (links followed); false when it is missing or cannot be read. */
export function isFile(p: string): boolean {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}

/** Whether `p` is a directory (links followed); false when it is missing or cannot be read. */
export function isDirectory(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}
