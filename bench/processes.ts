import * as fs from 'node:fs';
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { REPO } from './lspClient';
import { summarize, type Timing } from './stats';

const TIME_BIN = '/usr/bin/time';

/** One run of a process: wall time (ms), and CPU time (user + system) and peak RSS from /usr/bin/time when present. */
export interface ProcessSample {
  wall: number;
  cpu?: number;
  rssMiB?: number;
}

export function runProcess(cmd: string, args: string[]): ProcessSample {
  const withTime = fs.existsSync(TIME_BIN);
  const t = performance.now();
  const result = withTime ? spawnSync(TIME_BIN, ['-f', 'CAPDROP_BENCH %U %S %M', cmd, ...args], { cwd: REPO, encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'] }) : spawnSync(cmd, args, { cwd: REPO, stdio: 'ignore' });
  const wall = performance.now() - t;
  const m = /CAPDROP_BENCH ([\d.]+) ([\d.]+) (\d+)/.exec(String(result.stderr ?? ''));
  return m ? { wall, cpu: (Number(m[1]) + Number(m[2])) * 1000, rssMiB: Number(m[3]) / 1024 } : { wall };
}

export function summarizeProcess(samples: ProcessSample[]): Timing & { cpu?: Timing; peakRssMiB?: number } {
  const cpu = samples.flatMap((s) => (s.cpu === undefined ? [] : [s.cpu]));
  const rss = Math.max(0, ...samples.map((s) => s.rssMiB ?? 0));
  return { ...summarize(samples.map((s) => s.wall)), cpu: cpu.length ? summarize(cpu) : undefined, peakRssMiB: rss || undefined };
}

/**
 * Our CLI, a peer and a bare Node start, interleaved: each round runs our CLI three times, the peer once and
 * Node twice, in reverse order every other round, after one untimed run of each (the disk cache is then
 * warm for all, and our CLI has written its code cache, as it has on any machine after its first run).
 * This machine's speed drifts by a third within minutes, and start-up-heavy work (ours, bare Node) more
 * than a peer's long run: measured one after the other the dclint ratio moved 17-23x between two runs minutes
 * apart. Callers take the median over rounds of each round's ratio, so a slow spell hits both sides.
 */
export function compareProcesses(oursArgs: string[], peerArgs: string[], roundCount: number): { ours: ProcessSample[]; peer: ProcessSample[]; bare: ProcessSample[]; rounds: { ours: ProcessSample[]; peer: ProcessSample[] }[] } {
  const all = { ours: [] as ProcessSample[], peer: [] as ProcessSample[], bare: [] as ProcessSample[] };
  const rounds: { ours: ProcessSample[]; peer: ProcessSample[] }[] = [];
  runProcess(process.execPath, oursArgs);
  runProcess(process.execPath, peerArgs);
  for (let r = 0; r < roundCount; r++) {
    const round = { ours: [] as ProcessSample[], peer: [] as ProcessSample[] };
    const steps = [
      () => [1, 2, 3].forEach(() => round.ours.push(runProcess(process.execPath, oursArgs))),
      () => round.peer.push(runProcess(process.execPath, peerArgs)),
      () => [1, 2].forEach(() => all.bare.push(runProcess(process.execPath, ['-e', '0']))),
    ];
    for (const step of r % 2 ? steps.reverse() : steps) step();
    rounds.push(round);
    all.ours.push(...round.ours);
    all.peer.push(...round.peer);
  }
  return { ...all, rounds };
}
