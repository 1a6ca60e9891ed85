import { ruleTester } from '../ruleTester';
import rule from '../../rules/require-resource-limits';

ruleTester.run(rule, {
  valid: [
    { kind: 'run', code: 'docker run -d -p 8080:80 <image>', name: 'a documentation example with a placeholder image: hardening left out is not asked' },
    { kind: 'run', code: 'docker run -d -p 8080:80', name: 'a command cut short (no image): hardening left out is not asked' },
    { kind: 'run', name: 'a foreground --rm container is a one-shot tool', code: 'docker run --rm -v "$PWD:/src" -w /src golangci/golangci-lint:v1.61.0 golangci-lint run\n' },
    { kind: 'run', name: 'grouped flags: -it --rm', code: 'docker run -it --rm alpine:3.20 sh\n' },
    { kind: 'compose', code: 'services:\n  app:\n    image: nginx:1.27\n    mem_limit: 256m\n    cpus: 0.5\n    pids_limit: 100\n' },
    {
      kind: 'compose',
      name: 'deploy limits',
      code: 'services:\n  app:\n    image: nginx:1.27\n    deploy:\n      resources:\n        limits:\n          memory: 256M\n          cpus: "0.5"\n          pids: 100\n',
    },
    { kind: 'compose', name: 'an unknown limit counts as set', code: 'services:\n  app:\n    image: nginx:1.27\n    mem_limit: ${MEM_LIMIT}\n    cpus: 0.5\n    pids_limit: 100\n' },
    {
      kind: 'compose',
      name: 'extends: facts are incomplete',
      code: 'services:\n  app:\n    extends:\n      file: common.yml\n      service: base\n    image: nginx:1.27\n',
    },
    { kind: 'run', code: 'docker run --memory 256m --cpus 0.5 --pids-limit 100 nginx:1.27\n' },
    { kind: 'run', code: 'docker run -m=256m --cpus=0.5 --pids-limit=100 nginx:1.27\n' },
  ],
  invalid: [
    {
      kind: 'run',
      name: '--rm with -d starts a service that runs until stopped',
      code: 'docker run -d --rm --name cache redis:7.4\n',
      errors: [{ messageId: 'missingLimits', data: { name: 'cache', missing: 'memory, CPU or PIDs' }, line: 1, column: 1, endLine: 1, endColumn: 11 }],
      fixes: [{ messageId: 'setLimits', output: 'docker run --memory=512m --cpus=1.0 --pids-limit=200 -d --rm --name cache redis:7.4\n' }],
    },
    {
      kind: 'run',
      name: '--rm=false keeps the container',
      code: 'docker run --rm=false alpine:3.20\n',
      errors: [{ messageId: 'missingLimits', data: { name: 'alpine:3.20', missing: 'memory, CPU or PIDs' }, line: 1, column: 1, endLine: 1, endColumn: 11 }],
      fixes: [{ messageId: 'setLimits', output: 'docker run --memory=512m --cpus=1.0 --pids-limit=200 --rm=false alpine:3.20\n' }],
    },
    {
      kind: 'compose',
      code: 'services:\n  app:\n    image: nginx:1.27\n',
      errors: [{ messageId: 'missingLimits', data: { name: 'app', missing: 'memory, CPU or PIDs' }, severity: 'info', line: 2, column: 3, endLine: 2, endColumn: 6 }],
      fixes: [{ messageId: 'setLimits', output: 'services:\n  app:\n    image: nginx:1.27\n    mem_limit: 512m\n    cpus: "1.0"\n    pids_limit: 200\n' }],
    },
    {
      kind: 'compose',
      name: 'only the PIDs limit is missing; strict raises to warning',
      code: 'services:\n  app:\n    image: nginx:1.27\n    mem_limit: 256m\n    cpus: 0.5\n',
      options: { preset: 'strict' },
      errors: [{ messageId: 'missingLimits', data: { name: 'app', missing: 'PIDs' }, severity: 'warning', line: 2, column: 3, endLine: 2, endColumn: 6 }],
      fixes: [{ messageId: 'setLimits', output: 'services:\n  app:\n    image: nginx:1.27\n    mem_limit: 256m\n    cpus: 0.5\n    pids_limit: 200\n' }],
    },
    {
      kind: 'compose',
      name: 'deploy limits are completed in place',
      code: 'services:\n  app:\n    image: nginx:1.27\n    deploy:\n      resources:\n        limits:\n          memory: 256M\n',
      errors: [{ messageId: 'missingLimits', data: { name: 'app', missing: 'CPU or PIDs' }, line: 2, column: 3, endLine: 2, endColumn: 6 }],
      fixes: [
        {
          messageId: 'setLimits',
          output: 'services:\n  app:\n    image: nginx:1.27\n    deploy:\n      resources:\n        limits:\n          memory: 256M\n          cpus: "1.0"\n          pids: 200\n',
        },
      ],
    },
    {
      kind: 'run',
      code: 'docker run nginx:1.27\n',
      errors: [{ messageId: 'missingLimits', data: { name: 'nginx:1.27', missing: 'memory, CPU or PIDs' }, line: 1, column: 1, endLine: 1, endColumn: 11 }],
      fixes: [{ messageId: 'setLimits', output: 'docker run --memory=512m --cpus=1.0 --pids-limit=200 nginx:1.27\n' }],
    },
    {
      kind: 'run',
      name: 'run split over lines with a memory limit',
      code: 'docker run -d \\\n  -m 256m \\\n  nginx:1.27\n',
      errors: [{ messageId: 'missingLimits', data: { name: 'nginx:1.27', missing: 'CPU or PIDs' }, line: 1, column: 1, endLine: 1, endColumn: 11 }],
      fixes: [{ messageId: 'setLimits', output: 'docker run -d \\\n  --cpus=1.0 \\\n  --pids-limit=200 \\\n  -m 256m \\\n  nginx:1.27\n' }],
    },
    {
      kind: 'compose',
      name: 'CRLF, 4-space, under an existing deploy',
      code: 'services:\r\n    app:\r\n        image: nginx:1.27\r\n        deploy:\r\n            resources:\r\n                limits:\r\n                    memory: 1g\r\n',
      errors: [{ messageId: 'missingLimits', data: { name: 'app', missing: 'CPU or PIDs' }, line: 2, column: 5, endLine: 2, endColumn: 8 }],
      fixes: [{ messageId: 'setLimits', output: 'services:\r\n    app:\r\n        image: nginx:1.27\r\n        deploy:\r\n            resources:\r\n                limits:\r\n                    memory: 1g\r\n                    cpus: "1.0"\r\n                    pids: 200\r\n' }],
    },
    {
      kind: 'compose',
      name: 'flow deploy mapping: not rewritten',
      code: 'services:\n  app:\n    image: nginx:1.27\n    deploy: {resources: {limits: {memory: 1g}}}\n',
      errors: [{ messageId: 'missingLimits', data: { name: 'app', missing: 'CPU or PIDs' }, line: 2, column: 3, endLine: 2, endColumn: 6 }],
      fixes: [],
    },
    {
      kind: 'compose',
      name: 'mem_limit from a merge key',
      code: 'x-base: &base\n  image: nginx:1.27\n  mem_limit: 1g\nservices:\n  app:\n    <<: *base\n',
      errors: [{ messageId: 'missingLimits', data: { name: 'app', missing: 'CPU or PIDs' }, line: 5, column: 3, endLine: 5, endColumn: 6 }],
      fixes: [{ messageId: 'setLimits', output: 'x-base: &base\n  image: nginx:1.27\n  mem_limit: 1g\nservices:\n  app:\n    <<: *base\n    cpus: "1.0"\n    pids_limit: 200\n' }],
    },
    {
      kind: 'run',
      name: 'split over lines',
      code: 'docker run -d \\\n  --memory 1g \\\n  nginx:1.27\n',
      errors: [{ messageId: 'missingLimits', data: { name: 'nginx:1.27', missing: 'CPU or PIDs' }, line: 1, column: 1, endLine: 1, endColumn: 11 }],
      fixes: [{ messageId: 'setLimits', output: 'docker run -d \\\n  --cpus=1.0 \\\n  --pids-limit=200 \\\n  --memory 1g \\\n  nginx:1.27\n' }],
    },
    {
      kind: 'compose',
      name: 'the file sets limits under deploy: a new deploy block in that style',
      code: 'services:\n  db:\n    image: postgres:16\n    deploy:\n      resources:\n        limits:\n          memory: 1g\n          cpus: "2"\n          pids: 100\n  app:\n    image: nginx:1.27\n',
      errors: [{ messageId: 'missingLimits', data: { name: 'app', missing: 'memory, CPU or PIDs' }, line: 10, column: 3, endLine: 10, endColumn: 6 }],
      fixes: [{ messageId: 'setLimits', output: 'services:\n  db:\n    image: postgres:16\n    deploy:\n      resources:\n        limits:\n          memory: 1g\n          cpus: "2"\n          pids: 100\n  app:\n    image: nginx:1.27\n    deploy:\n      resources:\n        limits:\n          memory: 512m\n          cpus: "1.0"\n          pids: 200\n' }],
    },
  ],
});
