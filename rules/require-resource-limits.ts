import { defineRule, type FixSettings } from '../server/src/engine/ruleApi';
import type { Setting } from '../server/src/edit/writer';
import type { Limits } from '../server/src/model/containerSpec';

const LIMITS = [
  { key: 'memory', label: 'memory' },
  { key: 'cpus', label: 'CPU' },
  { key: 'pids', label: 'PIDs' },
] as const;

/**
 * Values that set no limit: Docker reads a PIDs limit of 0 or below as unlimited (`pids_limit: -1`, the way to
 * lift a limit), a memory or CPU limit of 0 as none set, and a CPU quota of -1 as unlimited.
 */
function setsNoLimit(key: (typeof LIMITS)[number]['key'], value: string): boolean {
  const text = value.trim();
  if (key === 'pids') return /^[-+]?\d+$/.test(text) && Number(text) <= 0;
  if (key === 'memory') return /^0+(?:\.0*)?\s*[bkmg]?b?$/i.test(text);
  // `--cpu-quota -1` (read as the CPU limit) is unlimited too.
  return /^[-+]?(?:\d+\.?\d*|\.\d+)$/.test(text) && Number(text) <= 0;
}

/** Missing, or written with a value that sets no limit; an Unknown limit (`${MEM}`) counts as set: unknown means silent. */
function lacks(limits: Limits, key: (typeof LIMITS)[number]['key']): boolean {
  const limit = limits[key];
  return limit === undefined || ('value' in limit && setsNoLimit(key, limit.value));
}

/** "memory", "memory or CPU", "memory, CPU or PIDs". */
function listWithOr(words: string[]): string {
  return words.length > 1 ? `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}` : words[0];
}

/** The values the fix writes; built only when the fix is planned (most lint runs plan no fixes). */
function settingValues(missing: readonly (typeof LIMITS)[number][], settings: FixSettings): Partial<Record<Setting, string>> {
  const values: Partial<Record<Setting, string>> = {};
  for (const { key } of missing) values[key] = settings[key];
  return values;
}

export default defineRule({
  id: 'require-resource-limits',
  title: 'Limit memory, CPU and PIDs',
  severity: 'info',
  strictSeverity: 'warning',
  inputs: ['compose', 'run', 'kubernetes'],
  docs: {
    rationale:
      'Without limits one container can use all the host\'s memory (the kernel then kills other processes), all its CPU, or fork until the host runs out of PIDs (a fork bomb stops every container on the host). Limits turn a bug or an attack in one service into a problem of that service only. A PIDs limit of 0 or -1 (`pids_limit: -1`, `--pids-limit -1`) and a memory or CPU limit of 0 set no limit, and are reported as missing.',
    whenNotToUse:
      'Hosts that run a single container, or platforms that set limits outside the file (Kubernetes, Nomad, a Swarm stack file that sets deploy limits elsewhere).',
    references: [
      'CIS Docker Benchmark 5.10: Ensure that the memory usage for containers is limited',
      'CIS Docker Benchmark 5.11: Ensure that CPU priority is set appropriately on containers',
      'CIS Docker Benchmark 5.28: Ensure that the PIDs cgroup limit is used',
      'https://docs.docker.com/engine/containers/resource_constraints/',
      'https://docs.docker.com/reference/compose-file/deploy/#resources',
    ],
    sameAs: [
      { tool: 'trivy', id: 'AVD-KSV-0011 (CPU)' },
      { tool: 'trivy', id: 'AVD-KSV-0018 (memory)' },
      { tool: 'checkov', id: 'CKV_K8S_11 (CPU)' },
      { tool: 'checkov', id: 'CKV_K8S_13 (memory)' },
      { tool: 'kube-linter', id: 'unset-cpu-requirements' },
      { tool: 'kube-linter', id: 'unset-memory-requirements' },
      { tool: 'kics', id: 'Memory Not Limited (Docker Compose)' },
      { tool: 'kics', id: 'Cpus Not Limited (Docker Compose)' },
      { tool: 'kics', id: 'Pids Limit Not Set (Docker Compose)' },
    ],
    examples: {
      bad: [
        { kind: 'compose', code: 'services:\n  app:\n    image: nginx:1.27\n' },
        { kind: 'run', code: 'docker run --memory 256m --cpus 0.5 nginx:1.27\n' },
      ],
      good: [
        { kind: 'compose', code: 'services:\n  app:\n    image: nginx:1.27\n    mem_limit: 256m\n    cpus: 0.5\n    pids_limit: 100\n' },
        { kind: 'run', code: 'docker run --memory 256m --cpus 0.5 --pids-limit 100 nginx:1.27\n' },
      ],
    },
  },
  messages: {
    missingLimits: 'Container "{{name}}" has no {{missing}} limit, so it can exhaust the host; set limits sized for its workload.',
    setLimits: 'Set {{limits}} (check they fit the workload)',
  },
  check(spec, ctx) {
    if (spec.incomplete) return;
    const missing = LIMITS.filter(({ key }) => lacks(spec.limits, key));
    if (missing.length === 0) return;
    const limits = missing.map(({ key, label }) => `${label} ${ctx.settings[key]}`).join(', ');
    ctx.report({
      at: spec.origin.nameRange,
      messageId: 'missingLimits',
      data: { name: spec.origin.name, missing: listWithOr(missing.map((m) => m.label)) },
      fixes: [{ messageId: 'setLimits', data: { limits }, safety: 'review', edit: (w) => w.setSettings(spec, settingValues(missing, ctx.settings)) }],
    });
  },
});
