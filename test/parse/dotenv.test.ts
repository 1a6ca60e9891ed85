import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseDotenv, projectVariables } from '../../server/src/parse/compose/dotenv';

function values(text: string, environment?: Record<string, string>): Record<string, string | undefined> {
  const env = environment && new Map(Object.entries(environment).map(([k, v]) => [k, { value: v }]));
  return Object.fromEntries(parseDotenv(text, env).map((e) => [e.name, e.value]));
}

describe('env files as Compose reads them', () => {
  it('reads names, values, comments, blank lines and export', () => {
    assert.deepEqual(values('# a comment\n\nA=1\nexport B=two\n  C = three  \nD: four\n'), { A: '1', B: 'two', C: 'three', D: 'four' });
  });

  it('cuts an unquoted value at #; keeps single quotes literal; reads escapes in double quotes', () => {
    assert.deepEqual(values('A=x # note\nB=\'$A # not a comment\'\nC="line\\nnext \\"q\\""\n'), { A: 'x', B: '$A # not a comment', C: 'line\nnext "q"' });
  });

  it('lets a double-quoted value span lines', () => {
    assert.deepEqual(values('KEY="-----BEGIN\nabc\n-----END"\nNEXT=1\n'), { KEY: '-----BEGIN\nabc\n-----END', NEXT: '1' });
  });

  it('interpolates from names above and the environment; unknown stays unknown', () => {
    assert.deepEqual(values('A=1\nB=${A}2\nC=${NOPE}\nD=${NOPE:-d}\nE=$HOME/x\n', { HOME: '/home/u' }), { A: '1', B: '12', C: undefined, D: 'd', E: '/home/u/x' });
  });

  it('lets the environment win, and a name alone takes its value from the environment', () => {
    assert.deepEqual(values('TAG=latest\nONLY\n', { TAG: '1.2', ONLY: 'env' }), { TAG: '1.2', ONLY: 'env' });
    assert.deepEqual(values('ONLY\n'), { ONLY: undefined });
  });

  it('stops where Compose would refuse the file, keeping what came before', () => {
    assert.deepEqual(values('A=1\nB C=2\nD=3\n'), { A: '1' });
    assert.deepEqual(values('A=1\nB="open\n'), { A: '1' });
    assert.deepEqual(values(''), {});
  });

  it('gives each variable from a file its line as related information', () => {
    const vars = projectVariables({ FROM_ENV: 'e', TAG: 'env-wins' }, [{ path: '/p/.env', text: '# c\nPG_TAG=latest\nexport DB_UID=0 # root\nTAG=file\n' }]);
    assert.deepEqual(vars.get('PG_TAG'), { value: 'latest', origin: { path: '/p/.env', line: 1, start: 0, end: 13, text: 'PG_TAG=latest' } });
    assert.deepEqual(vars.get('DB_UID'), { value: '0', origin: { path: '/p/.env', line: 2, start: 7, end: 15, text: 'DB_UID=0' } });
    assert.deepEqual(vars.get('TAG'), { value: 'env-wins' });
    assert.deepEqual(vars.get('FROM_ENV'), { value: 'e' });
  });

  it('lets a later env file win over an earlier one', () => {
    const vars = projectVariables(undefined, [
      { path: '/a.env', text: 'A=1\nB=1\n' },
      { path: '/b.env', text: 'B=2\nC=${A}${B}\n' },
    ]);
    assert.deepEqual([...vars].map(([k, v]) => [k, v.value, v.origin?.path]), [['A', '1', '/a.env'], ['B', '2', '/b.env'], ['C', '12', '/b.env']]);
  });
});

describe('env files: any text', () => {
  it('never throws, and every value read is a string or unknown', () => {
    const piece = fc.oneof(fc.constantFrom('A', '=', ':', '"', "'", '\\', '#', '\n', ' ', 'export ', '$', '${', '}', ':-', '\r\n', 'é', '\0'), fc.string({ maxLength: 4 }));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
        const text = pieces.join('');
        for (const e of parseDotenv(text)) {
          assert.ok(e.value === undefined || typeof e.value === 'string');
          assert.ok(e.nameStart <= e.nameEnd && e.nameEnd <= e.end && e.end <= text.length);
        }
        projectVariables({ A: '1' }, [{ path: '/x.env', text }]);
      }),
      { numRuns: 3000 },
    );
  });
});
