// What the benchmark loads in-process, bundled by esbuild like dist/ (no tsx transform in the timings).
// The floors and the peer come from the same bundle, so they run the very module copies the engine runs.
export { lint } from '../server/src/engine/lint';
export { tokenizeShell } from '../server/src/parse/shellWords';
export { DockerfileParser } from 'dockerfile-ast';
export { parseAllDocuments } from 'yaml';
export { validate } from 'dockerfile-utils';
export { allRules } from '../rules';
