import { ruleTester } from '../ruleTester';
import rule from '../../rules/no-disabled-logging';

ruleTester.run(rule, {
  valid: [
    { kind: 'compose', code: 'services:\n  app:\n    image: nginx:1.27\n    logging:\n      driver: json-file\n      options:\n        max-size: 10m\n' },
    { kind: 'compose', name: 'a driver chosen by a variable is unknown', code: 'services:\n  app:\n    image: nginx:1.27\n    logging:\n      driver: ${LOG_DRIVER}\n' },
    { kind: 'compose', name: 'logging options without a driver', code: 'services:\n  app:\n    image: nginx:1.27\n    logging:\n      options:\n        max-size: 10m\n' },
    { kind: 'run', code: 'docker run -d --log-driver=journald --log-opt tag=web nginx:1.27\n' },
    { kind: 'run', name: 'none as an image command word is not a flag value', code: 'docker run --rm alpine:3.20 echo none\n' },
  ],
  invalid: [
    {
      kind: 'compose',
      code: 'services:\n  app:\n    image: nginx:1.27\n    logging:\n      driver: none\n    restart: unless-stopped\n',
      errors: [{ messageId: 'loggingOff', line: 5, column: 15, endLine: 5, endColumn: 19 }],
      fixes: [{ messageId: 'removeLogDriver', output: 'services:\n  app:\n    image: nginx:1.27\n    restart: unless-stopped\n' }],
    },
    {
      kind: 'compose',
      name: 'the options written for it go with it',
      code: 'services:\n  app:\n    image: nginx:1.27\n    logging:\n      driver: "none"\n      options:\n        tag: app\n',
      errors: [{ messageId: 'loggingOff', line: 5, column: 15, endLine: 5, endColumn: 21 }],
      fixes: [{ messageId: 'removeLogDriver', output: 'services:\n  app:\n    image: nginx:1.27\n' }],
    },
    {
      kind: 'compose',
      name: 'a variable with none as its default',
      code: 'services:\n  app:\n    image: nginx:1.27\n    logging: {driver: "${LOG_DRIVER:-none}"}\n',
      errors: [{ messageId: 'loggingOff', line: 4, column: 23, endLine: 4, endColumn: 44 }],
      fixes: [{ messageId: 'removeLogDriver', output: 'services:\n  app:\n    image: nginx:1.27\n' }],
    },
    {
      kind: 'compose',
      name: 'the version 2 format log_driver',
      code: 'version: "2"\nservices:\n  app:\n    image: nginx:1.27\n    log_driver: none\n',
      errors: [{ messageId: 'loggingOff', line: 5, column: 17, endLine: 5, endColumn: 21 }],
      fixes: [{ messageId: 'removeLogDriver', output: 'version: "2"\nservices:\n  app:\n    image: nginx:1.27\n' }],
    },
    {
      kind: 'compose',
      name: 'through an alias: reported at the anchor, no fix through it',
      code: 'x-nolog: &nolog\n  driver: none\nservices:\n  app:\n    image: nginx:1.27\n    logging: *nolog\n',
      errors: [{ messageId: 'loggingOff', line: 2, column: 11, endLine: 2, endColumn: 15 }],
      fixes: [],
    },
    {
      kind: 'run',
      code: 'docker run -d \\\n  --log-driver none \\\n  nginx:1.27\n',
      errors: [{ messageId: 'loggingOff', line: 2, column: 16, endLine: 2, endColumn: 20 }],
      fixes: [{ messageId: 'removeLogDriver', output: 'docker run -d \\\n  nginx:1.27\n' }],
    },
    {
      kind: 'run',
      code: 'docker run --log-driver=none -d nginx:1.27\n',
      errors: [{ messageId: 'loggingOff', line: 1, column: 25, endLine: 1, endColumn: 29 }],
      fixes: [{ messageId: 'removeLogDriver', output: 'docker run -d nginx:1.27\n' }],
    },
  ],
});
