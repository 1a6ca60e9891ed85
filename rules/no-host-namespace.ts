import { defineRule, type Severity } from '../server/src/engine/ruleApi';
import type { Namespaces } from '../server/src/model/containerSpec';
import { isKnown } from '../server/src/model/located';

interface NamespaceRisk {
  label: string;
  consequence: string;
  severity: Severity;
}

// PID is an error: with the host's process table a container can read other processes' environment
// and, with CAP_SYS_PTRACE or as root, attach to them. The others expose less and are warnings.
const RISKS: Record<keyof Namespaces, NamespaceRisk> = {
  network: { label: 'network', consequence: 'it can bind any host port and reach services listening only on the host\'s localhost', severity: 'warning' },
  pid: { label: 'PID', consequence: 'it can see every host process, read their environment and signal them', severity: 'error' },
  ipc: { label: 'IPC', consequence: 'it can read and write the host\'s shared memory segments', severity: 'warning' },
  uts: { label: 'UTS', consequence: 'it shares the host\'s hostname and can change it when it has CAP_SYS_ADMIN', severity: 'warning' },
  userns: { label: 'user', consequence: 'the daemon\'s user-namespace remapping is off and root inside is root on the host', severity: 'warning' },
  cgroup: { label: 'cgroup', consequence: 'it sees the host\'s whole cgroup tree', severity: 'warning' },
};

const ORDER: (keyof Namespaces)[] = ['network', 'pid', 'ipc', 'uts', 'userns', 'cgroup'];

export default defineRule({
  id: 'no-host-namespace',
  title: 'Do not share the host\'s namespaces',
  severity: 'warning',
  inputs: ['compose', 'run', 'kubernetes'],
  docs: {
    rationale:
      'Namespaces are what make a container see its own processes, network, IPC objects and hostname. Joining the host\'s namespace removes that wall: with the host PID namespace a container sees and signals every host process and reads their environment (secrets included), which is why PID is reported as an error; the host network namespace lets it bind host ports and reach services bound to the host\'s localhost; the host IPC namespace exposes shared memory; UTS, user and cgroup namespaces weaken isolation further. All but PID are warnings.',
    whenNotToUse:
      'Node-level agents that must observe the host (monitoring exporters such as node-exporter, network tools, log shippers) and that you treat as part of the host; document the exception with a capdrop-ignore comment.',
    references: [
      'CIS Docker Benchmark 5.9: Ensure that the host\'s network namespace is not shared',
      'CIS Docker Benchmark 5.15: Ensure that the host\'s process namespace is not shared',
      'CIS Docker Benchmark 5.16: Ensure that the host\'s IPC namespace is not shared',
      'CIS Docker Benchmark 5.20: Ensure that the host\'s UTS namespace is not shared',
      'CIS Docker Benchmark 5.30: Ensure that the host\'s user namespaces are not shared',
      'https://docs.docker.com/reference/cli/docker/container/run/#network',
      'https://man7.org/linux/man-pages/man7/namespaces.7.html',
    ],
    sameAs: [
      { tool: 'trivy', id: 'AVD-KSV-0008 (hostIPC)' },
      { tool: 'trivy', id: 'AVD-KSV-0009 (hostNetwork)' },
      { tool: 'trivy', id: 'AVD-KSV-0010 (hostPID)' },
      { tool: 'checkov', id: 'CKV_K8S_17 (hostPID)' },
      { tool: 'checkov', id: 'CKV_K8S_18 (hostIPC)' },
      { tool: 'checkov', id: 'CKV_K8S_19 (hostNetwork)' },
      { tool: 'kube-linter', id: 'host-network' },
      { tool: 'kube-linter', id: 'host-pid' },
      { tool: 'kube-linter', id: 'host-ipc' },
      { tool: 'kics', id: 'Host Namespace is Shared (Docker Compose)' },
      { tool: 'kics', id: 'Shared Host IPC Namespace (Docker Compose)' },
      { tool: 'kics', id: 'Shared Host Network Namespace (Docker Compose)' },
      { tool: 'kics', id: 'Shared Host User Namespace (Docker Compose)' },
    ],
    examples: {
      bad: [
        { kind: 'compose', code: 'services:\n  app:\n    image: nginx:1.27\n    pid: host\n' },
        { kind: 'run', code: 'docker run --network host nginx:1.27\n' },
      ],
      good: [
        { kind: 'compose', code: 'services:\n  app:\n    image: nginx:1.27\n    network_mode: "service:proxy"\n' },
        { kind: 'run', code: 'docker run --network backend nginx:1.27\n' },
      ],
    },
  },
  messages: {
    hostNamespace: 'This container shares the host\'s {{namespace}} namespace ("{{value}}"), so {{consequence}}; remove the setting unless the workload must see the host.',
    removeSetting: 'Remove the host {{namespace}} namespace setting (check the service still works)',
  },
  check(spec, ctx) {
    for (const key of ORDER) {
      const setting = spec.namespaces[key];
      if (!isKnown(setting) || setting.value !== 'host') continue;
      const risk = RISKS[key];
      ctx.report({
        at: setting,
        messageId: 'hostNamespace',
        severity: risk.severity,
        data: { namespace: risk.label, value: setting.value, consequence: risk.consequence },
        fixes: [{ messageId: 'removeSetting', safety: 'review', edit: (w) => w.remove(setting) }],
      });
    }
  },
});
