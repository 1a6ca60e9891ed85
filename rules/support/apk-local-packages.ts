import type { ContainerSpec } from '../../server/src/model/containerSpec';
import type { Located } from '../../server/src/model/located';
import type { SimpleCommand } from './shell-commands';

/** apk options that take a value as the next word (global ones and `add`'s `--virtual`). */
const APK_VALUE_OPTIONS = new Set(['-X', '--repository', '-p', '--root', '-t', '--virtual', '--arch', '--cache-dir', '--keys-dir', '--repositories-file', '--timeout', '--cache-max-age', '--progress-fd']);

/** A package argument that names a file (`/tmp/packages/*.apk`, `./tool.apk`) rather than a package of a repository. */
const LOCAL_PACKAGE = /\/|\.apk$/i;

/**
 * `apk add --allow-untrusted /tmp/packages/*.apk`: every package is a file already in the build (a builder
 * stage's output copied in), so no download goes unchecked, unless the same RUN fetches it (curl, wget) or the
 * build downloads an .apk somewhere. A package named from a repository (`apk add --allow-untrusted foo`) is one.
 */
export function apkInstallsLocalFilesOnly(args: Located<string>[], command: SimpleCommand, spec: ContainerSpec): boolean {
  const packages: string[] = [];
  let subcommand: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i].value;
    if (arg.startsWith('-')) {
      if (APK_VALUE_OPTIONS.has(arg)) i++;
      continue;
    }
    if (subcommand === undefined) subcommand = arg;
    else packages.push(arg);
  }
  if (subcommand !== 'add' || packages.length === 0 || !packages.every((p) => LOCAL_PACKAGE.test(p))) return false;
  if (/\b(?:curl|wget)\b/.test(command.command.text.value)) return false;
  const fetchesApk = (text: string) => /https?:\/\/\S*\.apk\b/i.test(text);
  return !spec.commands.some((c) => fetchesApk(c.text.value)) && !(spec.downloads ?? []).some((d) => fetchesApk(d.value.url));
}
