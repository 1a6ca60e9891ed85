import type { Located } from '../server/src/model/located';
import type { Port } from '../server/src/model/containerSpec';
import { defineRule } from '../server/src/engine/ruleApi';

/** The port as a reader would write it: YAML quotes are not part of the value, and a long-syntax mapping is spelled short. */
/** `raw` without the quotes around it (`/^(["'])(.*)\1$/s`), without a regex per port. */
function unquoted(raw: string): string {
  const quote = raw[0];
  return raw.length >= 2 && (quote === '"' || quote === "'") && raw[raw.length - 1] === quote ? raw.slice(1, -1) : raw;
}

function portLabel(port: Located<Port>): string {
  const { hostPort, containerPort, protocol, syntax } = port.value;
  if (syntax !== 'long') return unquoted(port.raw);
  return `${hostPort ? `${hostPort.value}:` : ''}${containerPort.value}${protocol === 'tcp' ? '' : `/${protocol}`}`;
}

export default defineRule({
  id: 'bind-ports-to-interface',
  title: 'Bind published ports to a specific host interface',
  severity: 'info',
  strictSeverity: 'warning',
  inputs: ['compose', 'run', 'kubernetes'],
  docs: {
    rationale:
      'A port published without a host IP (`8080:80`, `-p 8080:80`) listens on every interface of the host, and Docker\'s own firewall rules let it through even when a host firewall such as ufw or firewalld would block it. Databases and admin interfaces meant for the local machine end up on the internet this way. Binding to 127.0.0.1 (or a private address) makes exposure a decision. An explicit `0.0.0.0:` or `[::]:` host IP is treated as that decision and is not reported; `-P`/`--publish-all` is reported because it publishes every exposed port on every interface.',
    whenNotToUse: 'Services that must be reachable from other machines (a public reverse proxy on 80/443); write the host IP explicitly (`0.0.0.0:443:443`) to record the choice.',
    references: [
      'CIS Docker Benchmark 5.13: Ensure that incoming container traffic is bound to a specific host interface',
      'https://docs.docker.com/engine/network/packet-filtering-firewalls/',
      'https://docs.docker.com/reference/compose-file/services/#ports',
    ],
    sameAs: [
      { tool: 'kics', id: 'Container Traffic Not Bound To Host Interface (Docker Compose)' },
    ],
    examples: {
      bad: [
        { kind: 'compose', code: 'services:\n  db:\n    image: postgres:17\n    ports:\n      - "5432:5432"\n' },
        { kind: 'run', code: 'docker run -P nginx:1.27\n' },
      ],
      good: [
        { kind: 'compose', code: 'services:\n  db:\n    image: postgres:17\n    ports:\n      - "127.0.0.1:5432:5432"\n' },
        { kind: 'run', code: 'docker run -p 0.0.0.0:443:443 nginx:1.27\n' },
      ],
    },
  },
  messages: {
    allInterfaces: 'Port "{{port}}" is published on every host interface; bind it to 127.0.0.1 (or a specific address) unless other machines must reach it.',
    publishAll: 'Publishing all exposed ports ("{{flag}}") opens each of them on every host interface; publish only the ports needed, bound to 127.0.0.1.',
    bindToLocalhost: 'Bind port "{{port}}" to 127.0.0.1 only (check nothing outside this host needs it)',
  },
  check(spec, ctx) {
    // Documentation examples leave the host IP out for brevity (see docs/hosts.md): hardening missing, not asked there.
    if (spec.fragment) return;
    for (const port of spec.ports) {
      if (port.value.mode === 'publish-all') {
        ctx.report({ at: port, messageId: 'publishAll', data: { flag: port.raw }, fixes: [] });
        continue;
      }
      if (port.value.mode !== 'published' || port.value.hostIp) continue;
      // `${PORT}:80` may expand to `127.0.0.1:8080`: an interpolated port is unknown.
      if (port.value.hostPort?.raw.includes('$') || port.value.containerPort.raw.includes('$')) continue;
      ctx.report({
        at: port,
        messageId: 'allInterfaces',
        data: { port: portLabel(port) },
        fixes: [{ messageId: 'bindToLocalhost', safety: 'review', edit: (w) => w.bindPortToHostIp(port, '127.0.0.1') }],
      });
    }
  },
});
