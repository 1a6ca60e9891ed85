// What each rule costs: the engine on a corpus with all rules, with none, and with each rule left out in
// turn, interleaved, as a ratio to the parse floor. `node --expose-gc --import tsx bench/rule-costs.ts
// realDockerfiles|compose|kubernetes [rule-id …]` (the last column: the floor's share one rule costs).
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FileKind } from '../server/src/parse';
import { listFiles, loadEngineBundle } from './engineBundle';
import { GENERATED } from './generate';
import { REPO } from './lspClient';
import { measureInterleaved, ms } from './stats';

const CORPORA: Record<string, { kind: FileKind; dir: string; file: RegExp }> = {
  realDockerfiles: { kind: 'dockerfile', dir: 'dockerfile/real', file: /Dockerfile/i },
  compose: { kind: 'compose', dir: 'compose/real', file: /\.ya?ml$/ },
  kubernetes: { kind: 'kubernetes', dir: 'kubernetes', file: /\.ya?ml$/ },
};

async function main(): Promise<void> {
  const { kind, dir, file } = CORPORA[process.argv[2] ?? 'realDockerfiles'];
  const only = process.argv.slice(3);
  const e = await loadEngineBundle(path.join(GENERATED, 'engine.js'), true);
  const texts = listFiles(path.join(REPO, '..', 'shared', 'corpus', dir)).filter((f) => file.test(path.basename(f))).sort().map((f) => fs.readFileSync(f, 'utf8'));
  const lintWith = (ruleSet?: typeof e.allRules) => () => texts.forEach((t) => e.lint(t, kind, { withFixes: false, ruleSet }));
  const floor = kind === 'dockerfile' ? () => texts.forEach((t) => e.DockerfileParser.parse(t)) : () => texts.forEach((t) => e.parseAllDocuments(t, { prettyErrors: false, merge: false, uniqueKeys: false }));
  const variants: [string, () => void][] = [['floor', floor], ['all', lintWith()], ['none', lintWith([])]];
  for (const rule of e.allRules) if (only.length === 0 || only.includes(rule.id)) variants.push([`-${rule.id}`, lintWith(e.allRules.filter((r) => r !== rule))]);
  const m = measureInterleaved(variants.map((v) => v[1]), 15);
  const floorMs = m.timings[0].median;
  const allMs = m.timings[1].median;
  variants.forEach(([name], i) => {
    const t = m.timings[i].median;
    console.log(`${name.padEnd(36)} ${ms(t).padStart(6)} ${(t / floorMs).toFixed(3)}${i > 1 ? ` ${((allMs - t) / floorMs).toFixed(3)}` : ''}`);
  });
}

void main();
