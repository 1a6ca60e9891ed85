import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { interpolate, type ComposeVariables, type VariableValue } from '../../server/src/parse/compose/interpolate';

const origin = { path: '/p/.env', line: 2, start: 0, end: 13, text: 'PG_TAG=latest' };
const vars: ComposeVariables = new Map<string, VariableValue>([
  ['PG_TAG', { value: 'latest', origin }],
  ['EMPTY', { value: '' }],
  ['UID', { value: '0' }],
]);

/** The value, or `unknown` when it cannot be known. */
function read(text: string, variables?: ComposeVariables): string {
  const r = interpolate(text, variables);
  return r.known ? r.value : 'unknown';
}

describe('interpolate with the project variables', () => {
  it('${VAR} and $VAR take the value; unset stays unknown', () => {
    assert.equal(read('postgres:${PG_TAG}', vars), 'postgres:latest');
    assert.equal(read('postgres:$PG_TAG', vars), 'postgres:latest');
    assert.equal(read('$UID:$UID', vars), '0:0');
    assert.equal(read('${NOPE}', vars), 'unknown');
    assert.equal(read('$NOPE', vars), 'unknown');
    assert.equal(read('${EMPTY}', vars), '');
  });

  it('${VAR:-default} uses the default when unset or empty; ${VAR-default} only when unset', () => {
    assert.equal(read('${UID:-999}', vars), '0');
    assert.equal(read('${EMPTY:-999}', vars), '999');
    assert.equal(read('${NOPE:-999}', vars), '999');
    assert.equal(read('${UID-999}', vars), '0');
    assert.equal(read('${EMPTY-999}', vars), '');
    assert.equal(read('${NOPE-999}', vars), '999');
    // The default is interpolated too.
    assert.equal(read('${NOPE:-${UID}}', vars), '0');
    assert.equal(read('${NOPE:-${ALSO_NOPE}}', vars), 'unknown');
  });

  it('${VAR:?err} and ${VAR?err} are the value when Compose accepts it, else unknown', () => {
    assert.equal(read('${UID:?set UID}', vars), '0');
    assert.equal(read('${EMPTY:?set it}', vars), 'unknown');
    assert.equal(read('${EMPTY?set it}', vars), '');
    assert.equal(read('${NOPE:?set it}', vars), 'unknown');
    assert.equal(read('${NOPE?set it}', vars), 'unknown');
  });

  it('${VAR:+alt} and ${VAR+alt} give the alternative when set', () => {
    assert.equal(read('${UID:+root}', vars), 'root');
    assert.equal(read('${EMPTY:+root}', vars), '');
    assert.equal(read('${EMPTY+root}', vars), 'root');
    assert.equal(read('${NOPE+root}', vars), 'unknown');
  });

  it('$$ is a literal dollar, and a lone $ is kept', () => {
    assert.equal(read('echo $$PG_TAG', vars), 'echo $PG_TAG');
    assert.equal(read('cost: 5 $', vars), 'cost: 5 $');
    assert.equal(read('${PG_TAG', vars), 'unknown');
  });

  it('says which env file lines filled the value', () => {
    const r = interpolate('postgres:${PG_TAG}-${UID}', vars);
    assert.deepEqual(r, { known: true, value: 'postgres:latest-0', hasVariables: true, origins: [origin] });
    assert.deepEqual(interpolate('${UID}', vars), { known: true, value: '0', hasVariables: true });
    assert.deepEqual(interpolate('plain', vars), { known: true, value: 'plain', hasVariables: false });
  });
});

describe('interpolate without variables (a file read on its own)', () => {
  it('takes defaults, and anything else that depends on a variable is unknown', () => {
    assert.equal(read('${A:-x}'), 'x');
    assert.equal(read('${A-x}'), 'x');
    assert.equal(read('${A}'), 'unknown');
    assert.equal(read('$A'), 'unknown');
    assert.equal(read('${A:?e}'), 'unknown');
    assert.equal(read('${A:+e}'), 'unknown');
    assert.equal(read('a$$b'), 'a$b');
  });
});
