import type { ImageRef, ShellCommand } from '../../model/containerSpec';

/**
 * Programs that wait for a person rather than serve: shells and language REPLs. An image whose command is one of
 * them (`CMD ["bash"]`, `CMD ["irb"]`, or no command of its own, inheriting Debian's `bash`) starts nothing of
 * its own: it is built on (buildpack-deps, ruby, python) or run with a command given at run time.
 */
const INTERACTIVE = /^(?:(?:\/usr)?(?:\/local)?\/bin\/)?(?:sh|bash|ash|dash|zsh|ksh|fish|irb|pry|python[\d.]*|ipython[\d.]*|node|bun|deno|php|ruby|perl|lua[\d.]*|julia|R|ghci|iex|erl|jshell|groovysh|scala|pwsh|powershell|cmd|cmd\.exe)$/;

/** Windows base images: there is no root, and the default user is ContainerAdministrator (or ContainerUser on Nano Server). */
const WINDOWS_IMAGE = /^mcr\.microsoft\.com\/(?:dotnet\/framework\/[\w-]+|windows(?:\/[\w-]+)?|powershell)$|^microsoft\/(?:windowsservercore|nanoserver)$/i;
const WINDOWS_TAG = /windowsservercore|nanoserver|ltsc20\d\d/i;

/**
 * What the final image is for, as far as its Dockerfile shows: `windows` when it is built on a Windows image,
 * `base` when it starts no program of its own (no ENTRYPOINT, and a CMD that is absent or a shell or REPL).
 */
export function imageRole(base: ImageRef | undefined, entrypoint: ShellCommand | undefined, cmd: ShellCommand | undefined): 'windows' | 'base' | undefined {
  if (base && (WINDOWS_IMAGE.test(base.name) || WINDOWS_TAG.test(base.tag ?? ''))) return 'windows';
  if (entrypoint) return undefined;
  if (!cmd) return 'base';
  const words = cmd.form === 'exec' ? cmd.words.map((w) => w.value) : cmd.text.value.trim().split(/\s+/);
  // `bash -l` is still a shell waiting for a person; `bash -c "…"` or `python app.py` runs something.
  return INTERACTIVE.test(words[0] ?? '') && words.slice(1).every((w) => /^-[a-z]$/i.test(w) && w !== '-c') ? 'base' : undefined;
}
