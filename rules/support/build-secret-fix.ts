import type { ContainerSpec, EnvVar } from '../../server/src/model/containerSpec';
import { isUnknown, type Located } from '../../server/src/model/located';
import type { SpecWriter, TextEdit } from '../../server/src/edit/writer';

/**
 * The edits that turn a build argument into a build secret, as Docker's build-checks documentation shows
 * for SecretsUsedInArgOrEnv: the `ARG NAME` goes, and the RUN steps of its stage after it get
 * `--mount=type=secret,id=NAME,env=NAME`, which sets the same variable for that step only (Dockerfile
 * syntax 1.10, Docker 27.3). The build then passes `--secret id=NAME` instead of `--build-arg NAME=…`.
 *
 * Which RUN steps: those that write `$NAME`; when none does, every RUN after it, since a build argument
 * is in the environment of each (`npm ci` reading NPM_TOKEN through `.npmrc`). Null when the edit would
 * change the build otherwise: an ARG before the first FROM (its scope is the stages that declare it
 * again), or one an ENV or LABEL of the stage copies (`ENV TOKEN=$NAME`), which a mount cannot feed.
 */
export function buildSecretEdits(spec: ContainerSpec, arg: Located<EnvVar>, writer: SpecWriter): TextEdit[] | null {
  const name = arg.value.name.value;
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) return null;
  const stage = spec.stages?.find((s) => s.range.start <= arg.range.start && arg.range.end <= s.range.end);
  if (!stage) return null;
  const after = (r: { start: number }) => r.start > arg.range.end && r.start <= stage.range.end;
  const reference = new RegExp(`\\$(?:${name}\\b|\\{${name}\\b)`);
  const copiedBySetting = [...spec.env, ...(spec.labels ?? [])].some((e) => after(e.range) && isUnknown(e.value.value) && reference.test(e.value.value.raw));
  if (copiedBySetting) return null;

  const runs = spec.commands.filter((c) => c.kind === 'run' && c.argsStart !== undefined && after(c.text.range));
  const using = runs.filter((c) => reference.test(c.text.value) || c.words.some((w) => reference.test(w.raw)));
  const mount = `--mount=type=secret,id=${name},env=${name}`;
  const edits = writer.remove(arg);
  if (!edits) return null;
  for (const run of using.length > 0 ? using : runs) {
    if (run.flags?.some((f) => f.value.startsWith('--mount=') && f.value.includes(`env=${name}`))) continue;
    edits.push({ range: { start: run.argsStart!, end: run.argsStart! }, newText: `${mount} ` });
  }
  return edits;
}
