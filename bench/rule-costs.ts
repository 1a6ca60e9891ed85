// What each rule costs: the engine on a corpus with all rules, with none, and with each rule left out in
// turn, interleaved, as a ratio to the parse floor. `node --expose-gc --import tsx bench/rule-costs.ts
// realDockerfiles|compose|kubernetes [rule-id …]` (the last column: the floor's share one rule costs).
import * as fs from 'node:fs'; import * as path from 'node:path';
import * as esbuild from 'esbuild';
const { preferUmdBuilds } = require('../esbuild.umd.cjs') as { preferUmdBuilds: esbuild.Plugin };
import { GENERATED } from './generate';
import { measureInterleaved, ms } from './stats';
const which = process.argv[2] ?? 'realDockerfiles';
const list = (d: string): string[] => fs.readdirSync(d, { withFileTypes: true }).flatMap((e) => e.isDirectory() ? list(path.join(d, e.name)) : [path.join(d, e.name)]);
async function main() {
  const entry = path.join(GENERATED, 'rule-costs-entry.ts');
  fs.writeFileSync(entry, `export { lint } from '${path.resolve('server/src/engine/lint')}';\nexport { allRules } from '${path.resolve('rules')}';\nexport { DockerfileParser } from 'dockerfile-ast';\nexport { parseAllDocuments } from 'yaml';\n`);
  const outfile = path.join(GENERATED, 'rule-costs.js');
  await esbuild.build({ entryPoints: [entry], bundle: true, format: 'cjs', platform: 'node', target: 'node20', minify: true, alias: { 'jsonc-parser': 'jsonc-parser/lib/esm/main.js' }, outfile, logLevel: 'warning', plugins: [preferUmdBuilds], nodePaths: [path.resolve('node_modules')] });
  const e = require(outfile);
  const kind = which === 'compose' ? 'compose' : which === 'kubernetes' ? 'kubernetes' : 'dockerfile';
  const dir = which === 'compose' ? '../shared/corpus/compose/real' : which === 'kubernetes' ? '../shared/corpus/kubernetes' : '../shared/corpus/dockerfile/real';
  const texts = list(dir).filter((f) => kind !== 'dockerfile' || /Dockerfile/i.test(path.basename(f))).filter((f) => kind === 'dockerfile' || /\.ya?ml$/.test(f)).sort().map((f) => fs.readFileSync(f, 'utf8'));
  const floor = kind === 'dockerfile' ? () => texts.forEach((t) => e.DockerfileParser.parse(t)) : () => texts.forEach((t) => e.parseAllDocuments(t, { prettyErrors: false, merge: false, uniqueKeys: false }));
  const all = e.allRules as { id: string }[];
  const only = process.argv.slice(3);
  const variants: [string, () => void][] = [['floor', floor], ['all', () => texts.forEach((t) => e.lint(t, kind, { withFixes: false }))], ['none', () => texts.forEach((t) => e.lint(t, kind, { withFixes: false, ruleSet: [] }))]];
  for (const r of all) if (only.length === 0 || only.includes(r.id)) { const rs = all.filter((x) => x !== r); variants.push(['-' + r.id, () => texts.forEach((t) => e.lint(t, kind, { withFixes: false, ruleSet: rs }))]); }
  const m = measureInterleaved(variants.map((v) => v[1]), 15);
  const f = m.timings[0].median, a = m.timings[1].median;
  variants.forEach(([n], i) => console.log(n.padEnd(36), ms(m.timings[i].median), (m.timings[i].median / f).toFixed(3), i > 1 ? ((a - m.timings[i].median) / f).toFixed(3) : ''));
}
main();
