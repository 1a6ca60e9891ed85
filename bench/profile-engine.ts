// Quick A/B of the in-process engine against its parse floor on one kind of input, and an optional CPU
// profile: `node --expose-gc --import tsx bench/profile-engine.ts dockerfile|realDockerfiles|compose|compose25k [--prof]`.
// The engine is bundled like bench/run.ts bundles it (but unminified, so the profile names functions).
// Run `npm run bench` once first: it writes the generated inputs this reads.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Session } from 'node:inspector';
import { GENERATED } from './generate';
import { REPO } from './lspClient';
import { measureInterleaved, ms } from './stats';
import { listFiles, loadEngineBundle } from './engineBundle';

const which = process.argv[2] ?? 'dockerfile';
const profile = process.argv.includes('--prof');
/** `--alloc`: a sampling heap profile of the engine's runs instead (bytes allocated per function, GC'd or not). */
const allocations = process.argv.includes('--alloc');

async function main(): Promise<void> {
  const outfile = path.join(GENERATED, 'engine-profile.js');
  const engine = await loadEngineBundle(outfile, false);
  const read = (f: string) => fs.readFileSync(f, 'utf8');
  const dockerfiles = () => [...listFiles(path.join(GENERATED, 'dockerfiles')), ...listFiles(path.join(REPO, 'test', 'fixtures')).filter((f) => /Dockerfile/i.test(path.basename(f)))].map(read);
  const corpus = () => listFiles(path.join(REPO, '..', 'shared', 'corpus', 'compose', 'real')).sort().map(read);
  const inputs: Record<string, { texts: string[]; kind: 'dockerfile' | 'compose' }> = {
    dockerfile: { texts: which === 'dockerfile' ? dockerfiles() : [], kind: 'dockerfile' },
    realDockerfiles: { texts: which === 'realDockerfiles' ? listFiles(path.join(REPO, '..', 'shared', 'corpus', 'dockerfile', 'real')).filter((f) => /Dockerfile/i.test(path.basename(f))).sort().map(read) : [], kind: 'dockerfile' },
    dockerfile5k: { texts: which === 'dockerfile5k' ? [read(path.join(GENERATED, 'dockerfile5000'))] : [], kind: 'dockerfile' },
    compose: { texts: which === 'compose' ? corpus() : [], kind: 'compose' },
    compose500: { texts: which === 'compose500' ? [read(path.join(GENERATED, 'compose500'))] : [], kind: 'compose' },
    compose25k: { texts: which === 'compose25k' ? [read(path.join(GENERATED, 'compose25k'))] : [], kind: 'compose' },
  };
  const { texts, kind } = inputs[which];
  const floor = kind === 'dockerfile'
    ? () => texts.forEach((t) => engine.DockerfileParser.parse(t))
    : () => texts.forEach((t) => engine.parseAllDocuments(t, { prettyErrors: false, merge: false, uniqueKeys: false }));
  const lint = () => texts.forEach((t) => engine.lint(t, kind, { withFixes: false }));
  const reps = which === 'compose25k' ? 8 : 25;
  const m = measureInterleaved([floor, lint], reps);
  console.log(`${which}: floor ${ms(m.timings[0].median)} ms, engine ${ms(m.timings[1].median)} ms, engine / floor ${m.ratioTo(1, 0).toFixed(3)}×`);
  if (!profile && !allocations) return;
  const session = new Session();
  session.connect();
  const post = (method: string, params?: object) => new Promise<unknown>((resolve, reject) => session.post(method, params, (err, res) => (err ? reject(err) : resolve(res))));
  if (allocations) {
    // Kept objects would hide the garbage: sample every allocation, collected or not.
    await post('HeapProfiler.startSampling', { samplingInterval: 4096, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
    const floorBytes = await sampled(post, floor, reps);
    const lintBytes = await sampled(post, lint, reps);
    console.log(`allocated per run: floor ${(floorBytes.total / reps / 1e6).toFixed(2)} MB, engine ${(lintBytes.total / reps / 1e6).toFixed(2)} MB`);
    for (const [name, bytes] of lintBytes.top) console.log(`${(bytes / reps / 1e3).toFixed(0).padStart(8)} kB  ${name}`);
    return;
  }
  await post('Profiler.enable');
  await post('Profiler.setSamplingInterval', { interval: 100 });
  await post('Profiler.start');
  for (let i = 0; i < reps; i++) lint();
  const { profile: result } = (await post('Profiler.stop')) as { profile: object };
  const out = path.join(GENERATED, 'profiles', `engine-${which}.cpuprofile`);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, JSON.stringify(result));
  console.log(`wrote ${path.relative(REPO, out)}`);
}

interface SamplingNode {
  callFrame: { functionName: string; url: string; lineNumber: number };
  selfSize: number;
  children: SamplingNode[];
}

/** Bytes `fn` allocates over `reps` runs, in all and by allocating function (top 25). */
async function sampled(post: (method: string, params?: object) => Promise<unknown>, fn: () => void, reps: number): Promise<{ total: number; top: [string, number][] }> {
  await post('HeapProfiler.stopSampling');
  await post('HeapProfiler.startSampling', { samplingInterval: 4096, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
  for (let i = 0; i < reps; i++) fn();
  const { profile } = (await post('HeapProfiler.getSamplingProfile')) as { profile: { head: SamplingNode } };
  const bySite = new Map<string, number>();
  let total = 0;
  const walk = (node: SamplingNode) => {
    const name = `${node.callFrame.functionName || '(anonymous)'} ${path.basename(node.callFrame.url)}:${node.callFrame.lineNumber}`;
    bySite.set(name, (bySite.get(name) ?? 0) + node.selfSize);
    total += node.selfSize;
    node.children.forEach(walk);
  };
  walk(profile.head);
  return { total, top: [...bySite].sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.ALLOC_TOP ?? 25)) };
}

void main();
