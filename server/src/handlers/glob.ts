/**
 * Just enough glob support for `files.exclude`, `capdrop.exclude` and `.gitignore`: `**`, `*`, `?`,
 * `{a,b}` and `[...]`. Paths are workspace-relative and use `/`.
 */
export function globToRegExp(glob: string): RegExp {
  let re = '';
  let braceDepth = 0;
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*') {
      if (glob[i + 1] === '*') {
        const atSegmentStart = i === 0 || glob[i - 1] === '/';
        const followedBySlash = glob[i + 2] === '/';
        if (atSegmentStart && followedBySlash) {
          re += '(?:[^/]*(?:/[^/]*)*/)?'; // `**/`: zero or more whole directories
          i += 2;
        } else {
          re += '.*';
          i += 1;
        }
      } else {
        re += '[^/]*';
      }
    } else if (c === '?') {
      re += '[^/]';
    } else if (c === '[') {
      const close = glob.indexOf(']', i + 2);
      if (close < 0) {
        re += '\\[';
        continue;
      }
      let body = glob.slice(i + 1, close);
      if (body.startsWith('!')) body = '^' + body.slice(1);
      re += '[' + body.replace(/\\/g, '\\\\') + ']';
      i = close;
    } else if (c === '{') {
      braceDepth++;
      re += '(?:';
    } else if (c === '}' && braceDepth > 0) {
      braceDepth--;
      re += ')';
    } else if (c === ',' && braceDepth > 0) {
      re += '|';
    } else {
      re += c.replace(/[.+^$()|\\\]{}]/g, '\\$&');
    }
  }
  while (braceDepth-- > 0) re += ')';
  return new RegExp(`^${re}$`);
}

/** A set of workspace-relative globs (VS Code's `files.exclude` semantics: a pattern without `**` is anchored at the folder). */
export class GlobSet {
  private readonly patterns: RegExp[];

  constructor(globs: readonly string[]) {
    this.patterns = globs.map((g) => globToRegExp(g.replace(/^\.?\//, '').replace(/\/+$/, '')));
  }

  matches(relPath: string): boolean {
    return this.patterns.some((p) => p.test(relPath));
  }
}

interface IgnoreRule {
  regex: RegExp;
  negated: boolean;
  dirOnly: boolean;
}

/**
 * The rules of the `.gitignore` files met while walking down a tree. Ignored directories are not
 * entered, so (as in git) a file inside an ignored directory cannot be re-included.
 */
export class GitIgnore {
  private readonly rules: IgnoreRule[] = [];

  /** Adds the patterns of a `.gitignore` found in `baseDir` (workspace-relative, '' for the root). */
  add(baseDir: string, content: string): void {
    const prefix = baseDir ? baseDir.replace(/\/+$/, '') + '/' : '';
    for (let line of content.split(/\r?\n/)) {
      line = line.replace(/(?<!\\)\s+$/, '');
      if (!line || line.startsWith('#')) continue;
      const negated = line.startsWith('!');
      if (negated) line = line.slice(1);
      if (line.startsWith('\\')) line = line.slice(1);
      const dirOnly = line.endsWith('/');
      if (dirOnly) line = line.slice(0, -1);
      if (!line) continue;
      // A slash at the start or in the middle anchors the pattern to the .gitignore's directory.
      const anchored = line.includes('/');
      const glob = prefix + (anchored ? line.replace(/^\//, '') : '**/' + line);
      this.rules.push({ regex: globToRegExp(glob), negated, dirOnly });
    }
  }

  ignores(relPath: string, isDirectory: boolean): boolean {
    let ignored = false;
    for (const rule of this.rules) {
      if (rule.dirOnly && !isDirectory) continue;
      if (rule.regex.test(relPath)) ignored = !rule.negated;
    }
    return ignored;
  }

  clone(): GitIgnore {
    const copy = new GitIgnore();
    copy.rules.push(...this.rules);
    return copy;
  }
}
