import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { interpolate } from '../../server/src/engine/ruleApi';

/** The regex replace `interpolate` was before it cut templates once (the behaviour it must keep). */
function replaceEachTime(template: string, data: Record<string, string> | undefined): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (m, key: string) => (data && key in data ? data[key] : m));
}

test('interpolate fills placeholders and leaves unknown ones as written', () => {
  assert.equal(interpolate('{{tool}} runs with {{ flag }}.', { tool: 'curl', flag: '-k' }), 'curl runs with -k.');
  assert.equal(interpolate('{{tool}} and {{missing}}', { tool: 'wget' }), 'wget and {{missing}}');
  assert.equal(interpolate('{{tool}}', undefined), '{{tool}}');
  assert.equal(interpolate('no placeholder', { a: 'x' }), 'no placeholder');
  // Replacement-pattern characters in the data are inserted literally.
  assert.equal(interpolate('[{{a}}]', { a: '$&$1' }), '[$&$1]');
});

test('interpolate gives what a regex replace gives, twice in a row (the cut template is reused)', () => {
  const piece = fc.oneof(fc.constantFrom('{{a}}', '{{ b }}', '{{c}}', '{{', '}}', '{{ a', 'x', ' ', '{{constructor}}', '{{}}', '{{{a}}}', '$&'), fc.string({ maxLength: 3 }));
  const template = fc.array(piece, { maxLength: 8 }).map((xs) => xs.join(''));
  const data = fc.option(fc.dictionary(fc.constantFrom('a', 'b', 'd'), fc.string({ maxLength: 4 })), { nil: undefined });
  fc.assert(
    fc.property(template, data, (t, d) => {
      const expected = replaceEachTime(t, d);
      assert.equal(interpolate(t, d), expected);
      assert.equal(interpolate(t, d), expected);
    }),
    { numRuns: 5000 },
  );
});
