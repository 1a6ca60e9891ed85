import { emptySpec, type ContainerSpec } from '../../model/containerSpec';
import { unknown } from '../../model/located';
import { PLACEHOLDER_REASON } from '../placeholders';
import { stageChain, type DockerfileHandle } from './handle';
import { imageRole } from './imageRole';
import { runsAsNonRootByDefault, VARIABLE_REFERENCE } from './images';
import { dropsPrivileges, ownPrivilegeDrop } from './privilegeDrop';
import type { DockerfileReaderState } from './readerState';

/** The spec of the final stage: what it inherits along its chain of stages, and what the whole file holds. */
export function finalSpec(state: DockerfileReaderState, handle: DockerfileHandle): ContainerSpec {
  const text = state.text;
  const finalIndex = state.stages.length - 1;
  const final = state.stages[finalIndex];
  const from = state.instructions[final.from];
  const chain = stageChain(handle, finalIndex);
  const base = state.stages[chain[chain.length - 1]];

  const spec = emptySpec({
    kind: 'dockerfile',
    name: final.name ?? (final.imageRange ? text.slice(final.imageRange.start, final.imageRange.end) : ''),
    range: { ...final.range },
    nameRange: { start: from.range.start, end: final.imageRange?.end ?? from.range.end },
    node: finalIndex,
  });

  // An image keeps the USER, EXPOSE and VOLUME of the stage it is built FROM, so walk the chain.
  for (let i = chain.length - 1; i >= 0; i--) {
    const settings = state.settings[chain[i]];
    if (settings.user !== undefined) spec.user = settings.user;
    spec.ports.push(...settings.ports);
    spec.mounts.push(...settings.mounts);
  }
  if (spec.user === undefined && base.image && !base.imageIsUnknown && !runsAsNonRootByDefault(base.image)) {
    spec.implicitRootAt = final.imageRange ?? from.range;
  }
  // The image keeps the nearest ENTRYPOINT and CMD along the chain.
  const entrypoint = chain.map((s) => state.settings[s].entrypoint).find((c) => c !== undefined);
  const cmd = chain.map((s) => state.settings[s].cmd).find((c) => c !== undefined);
  spec.dropsPrivilegesAtRuntime = dropsPrivileges(chain, base, entrypoint, cmd, state.commands, state.instructions);
  const role = imageRole(base.imageIsUnknown ? undefined : base.image, entrypoint, cmd);
  if (role) spec.imageRole = role;

  if (final.imageIsUnknown && final.imageRange) {
    const { start, end } = final.imageRange;
    const raw = text.slice(start, end);
    spec.image = unknown(start, end, raw, VARIABLE_REFERENCE.test(raw) ? 'FROM refers to a build argument' : PLACEHOLDER_REASON);
  } else if (final.image && final.imageRange) {
    spec.image = state.images.find((i) => i.range.start === final.imageRange!.start);
  }
  spec.images = state.images;
  spec.env = state.env;
  spec.commands = state.commands;
  spec.downloads = state.downloads;
  spec.stages = state.stages.map((s, i) => (s.name === undefined ? { range: { ...s.range }, inFinalImage: chain.includes(i) } : { range: { ...s.range }, name: s.name, inFinalImage: chain.includes(i) }));
  spec.copies = state.copies;
  spec.labels = state.labels;
  return spec;
}

/**
 * Dockerfile text without FROM: the findings its instructions carry (`RUN sudo`, `USER root`, `ENV PASSWORD=…`,
 * EXPOSE 22), but none that need a whole image (no USER at all, the base image's pinning): it is a fragment.
 */
export function fragmentSpec(state: DockerfileReaderState): ContainerSpec {
  const first = state.instructions[0];
  const last = state.instructions[state.instructions.length - 1];
  const spec = emptySpec({
    kind: 'dockerfile',
    name: 'Dockerfile fragment',
    range: { start: first.range.start, end: last.range.end },
    nameRange: { ...first.range },
    node: -1,
  });
  spec.incomplete = true;
  spec.fragment = true;
  const settings = state.headless;
  spec.user = settings.user;
  spec.ports.push(...settings.ports);
  spec.mounts.push(...settings.mounts);
  spec.dropsPrivilegesAtRuntime = ownPrivilegeDrop(settings.entrypoint, settings.cmd);
  spec.env = state.env;
  spec.commands = state.commands;
  spec.downloads = state.downloads;
  return spec;
}
