import { ruleTester } from '../ruleTester';
import rule from '../../rules/no-oom-kill-disable';

ruleTester.run(rule, {
  valid: [
    { kind: 'compose', code: 'services:\n  db:\n    image: postgres:16.4\n    oom_kill_disable: false\n' },
    { kind: 'compose', name: 'a variable is unknown', code: 'services:\n  db:\n    image: postgres:16.4\n    oom_kill_disable: ${NO_OOM_KILL}\n' },
    { kind: 'run', code: 'docker run -d --oom-kill-disable=false postgres:16.4\n' },
    { kind: 'run', name: '--oom-score-adj is another flag', code: 'docker run -d --oom-score-adj=-500 postgres:16.4\n' },
  ],
  invalid: [
    {
      kind: 'compose',
      code: 'services:\n  db:\n    image: postgres:16.4\n    oom_kill_disable: true\n    restart: always\n',
      errors: [{ messageId: 'noLimit', severity: 'error', line: 4, column: 5, endLine: 4, endColumn: 27 }],
      fixes: [{ messageId: 'removeOomKillDisable', output: 'services:\n  db:\n    image: postgres:16.4\n    restart: always\n' }],
    },
    {
      kind: 'compose',
      name: 'with a memory limit under deploy: a warning',
      code: 'services:\n  db:\n    image: postgres:16.4\n    oom_kill_disable: true\n    deploy:\n      resources:\n        limits:\n          memory: 1g\n',
      errors: [{ messageId: 'withLimit', severity: 'warning', line: 4, column: 5, endLine: 4, endColumn: 27 }],
      fixes: [{ messageId: 'removeOomKillDisable', output: 'services:\n  db:\n    image: postgres:16.4\n    deploy:\n      resources:\n        limits:\n          memory: 1g\n' }],
    },
    {
      kind: 'compose',
      name: 'a limit of 0 is no limit',
      code: 'services:\n  db:\n    image: postgres:16.4\n    mem_limit: 0\n    oom_kill_disable: true\n',
      errors: [{ messageId: 'noLimit', severity: 'error', line: 5, column: 5, endLine: 5, endColumn: 27 }],
      fixes: [{ messageId: 'removeOomKillDisable', output: 'services:\n  db:\n    image: postgres:16.4\n    mem_limit: 0\n' }],
    },
    {
      kind: 'compose',
      name: 'a base from extends may set the limit: a warning',
      code: 'services:\n  base:\n    image: postgres:16.4\n    mem_limit: 1g\n  db:\n    extends: base\n    oom_kill_disable: true\n',
      errors: [{ messageId: 'withLimit', severity: 'warning', line: 7, column: 5, endLine: 7, endColumn: 27 }],
      fixes: [{ messageId: 'removeOomKillDisable', output: 'services:\n  base:\n    image: postgres:16.4\n    mem_limit: 1g\n  db:\n    extends: base\n' }],
    },
    {
      kind: 'compose',
      name: 'merged from an anchor: overridden at the service',
      code: 'x-db: &db\n  image: postgres:16.4\n  oom_kill_disable: true\nservices:\n  db:\n    <<: *db\n',
      errors: [{ messageId: 'noLimit', line: 3, column: 3, endLine: 3, endColumn: 25 }],
      fixes: [{ messageId: 'removeOomKillDisable', output: 'x-db: &db\n  image: postgres:16.4\n  oom_kill_disable: true\nservices:\n  db:\n    <<: *db\n    oom_kill_disable: false\n' }],
    },
    {
      kind: 'run',
      code: 'docker run -d \\\n  --oom-kill-disable \\\n  postgres:16.4\n',
      errors: [{ messageId: 'noLimit', severity: 'error', line: 2, column: 3, endLine: 2, endColumn: 21 }],
      fixes: [{ messageId: 'removeOomKillDisable', output: 'docker run -d \\\n  postgres:16.4\n' }],
    },
    {
      kind: 'run',
      code: 'docker run -d -m 512m --oom-kill-disable postgres:16.4\n',
      errors: [{ messageId: 'withLimit', severity: 'warning', line: 1, column: 23, endLine: 1, endColumn: 41 }],
      fixes: [{ messageId: 'removeOomKillDisable', output: 'docker run -d -m 512m postgres:16.4\n' }],
    },
  ],
});
