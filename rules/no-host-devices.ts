import { defineRule, type RuleContext } from '../server/src/engine/ruleApi';
import type { Located } from '../server/src/model/located';
import { hostPathFacts, hostSourceOf } from './support/host-path-lookup';
import { RAW_DEVICES } from './support/host-paths';

export default defineRule({
  id: 'no-host-devices',
  title: 'Do not pass host devices into containers',
  severity: 'warning',
  inputs: ['compose', 'run'],
  docs: {
    rationale:
      'A device passed with `devices:` or `--device`, or bind-mounted like a file (`-v /dev/sda:/dev/sda`, a Compose volume), is reachable from inside the container with the permissions given (read, write, mknod by default). Most devices widen the attack surface on the host kernel\'s drivers; some give outright control of the host: /dev/mem, /dev/kmem and /dev/port expose memory and I/O ports, and raw disks (/dev/sd*, /dev/nvme*, /dev/vd*, /dev/xvd*, /dev/hd*, /dev/mmcblk*, /dev/loop*, /dev/dm-*, /dev/mapper/*, /dev/disk/*) let the container read or rewrite any file on the host regardless of permissions. Those are errors; other devices are warnings. GPU requests under `deploy.resources.reservations.devices` are not devices here, nor are mounts of /dev as a whole or of the host\'s shared memory (/dev/shm, /dev/mqueue; both no-sensitive-mount\'s), of harmless pseudo-devices (/dev/null, /dev/zero, /dev/random, /dev/urandom, /dev/tty), of the syslog socket /dev/log, or of directories of device symlinks (/dev/disk/by-id, /dev/serial/by-id), which resolve inside the container.',
    whenNotToUse:
      'Hardware-facing services (Zigbee or Z-Wave sticks, serial consoles, /dev/dri for video transcoding, /dev/fuse) that need exactly that device; keep the permissions minimal (`:r` or `:rw`, not `m`).',
    references: [
      'CIS Docker Benchmark 5.17: Ensure that host devices are not directly exposed to containers',
      'https://docs.docker.com/reference/cli/docker/container/run/#device',
      'https://man7.org/linux/man-pages/man4/mem.4.html',
    ],
    examples: {
      bad: [
        { kind: 'compose', code: 'services:\n  app:\n    image: nginx:1.27\n    devices:\n      - /dev/sda:/dev/sda\n' },
        { kind: 'run', code: 'docker run --device /dev/ttyUSB0 zigbee2mqtt:1.40\n' },
      ],
      good: [{ kind: 'compose', code: 'services:\n  app:\n    image: nginx:1.27\n' }],
    },
  },
  messages: {
    device: 'The host device "{{device}}" is passed into this container; remove it unless the workload needs that hardware, and then grant only the permissions it uses.',
    rawDevice: 'The host device "{{device}}" gives this container raw access to {{what}}, bypassing every file permission on the host; remove it.',
  },
  check(spec, ctx) {
    for (const device of spec.devices) {
      const host = device.value.host.value;
      if (host.includes('$')) continue; // an interpolated path is unknown
      reportDevice(ctx, device, host);
    }
    // A device bind-mounted through a volume (`-v /dev/sda:/dev/sda`) is the same device; /dev as a whole,
    // the host's shared memory and harmless pseudo-devices are no-sensitive-mount's or nothing.
    for (const mount of spec.mounts) {
      const source = hostSourceOf(mount.value);
      const facts = source === undefined ? undefined : hostPathFacts(source);
      if (facts?.kind === 'device') reportDevice(ctx, mount.value.source!, facts.path);
    }
  },
});

function reportDevice(ctx: RuleContext<'device' | 'rawDevice'>, at: Located<unknown>, host: string): void {
  const raw = RAW_DEVICES.find((r) => r.pattern.test(host));
  if (raw) ctx.report({ at, messageId: 'rawDevice', severity: 'error', data: { device: host, what: raw.what }, fixes: [] });
  else ctx.report({ at, messageId: 'device', data: { device: host }, fixes: [] });
}
