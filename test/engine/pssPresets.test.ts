import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { lint } from '../../server/src/engine/lint';
import { allRules } from '../../rules';
import { inPreset, type Preset } from '../../server/src/engine/ruleApi';
import { parseConfig } from '../../server/src/engine/config';
import { runCli, tempTree } from '../cli/harness';

const BASELINE_RULES = [
  'pss-apparmor', 'pss-capabilities', 'pss-host-namespaces', 'pss-host-path-volumes', 'pss-host-ports', 'pss-host-probes',
  'pss-host-process', 'pss-privileged', 'pss-proc-mount', 'pss-seccomp', 'pss-selinux', 'pss-sysctls',
];
// Restricted replaces hostPath volumes by volume types; capabilities, seccomp and procMount judge by the level.
const RESTRICTED_RULES = [
  'pss-apparmor', 'pss-capabilities', 'pss-host-namespaces', 'pss-host-ports', 'pss-host-probes', 'pss-host-process',
  'pss-privilege-escalation', 'pss-privileged', 'pss-proc-mount', 'pss-run-as-non-root', 'pss-run-as-user', 'pss-seccomp',
  'pss-selinux', 'pss-sysctls', 'pss-volume-types',
];

function runBy(preset: Preset): string[] {
  return allRules.filter((r) => inPreset(r, preset)).map((r) => r.id).sort();
}

/** What the preset reports on a manifest: `rule-id` per finding, parse problems included. */
function verdict(text: string, preset: Preset): string[] {
  return lint(text, 'kubernetes', { preset, withFixes: false }).findings.map((f) => `${f.severity} ${f.ruleId}`);
}

const pod = (container: string, spec = '') =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n${spec}  containers:\n    - name: app\n      image: nginx\n${container}`;

/** A pod the Restricted level admits. */
const RESTRICTED_POD = pod(
  '      securityContext:\n        allowPrivilegeEscalation: false\n        capabilities:\n          drop: [ALL]\n',
  '  securityContext:\n    runAsNonRoot: true\n    seccompProfile:\n      type: RuntimeDefault\n',
);

describe('the Pod Security Standards presets run exactly their level\'s checks', () => {
  it('pss-baseline runs the twelve Baseline controls, and nothing else', () => {
    assert.deepEqual(runBy('pss-baseline'), BASELINE_RULES);
  });

  it('pss-restricted runs Baseline (hostPath volumes replaced by volume types) and the Restricted controls, and nothing else', () => {
    assert.deepEqual(runBy('pss-restricted'), RESTRICTED_RULES);
  });

  it('recommended and strict run no Pod Security Standards rule', () => {
    for (const preset of ['recommended', 'strict'] as const) assert.deepEqual(runBy(preset).filter((id) => id.startsWith('pss-')), []);
  });

  it('a rule set in the configuration runs under any preset, judging by the Baseline level', () => {
    const text = pod('', '  hostNetwork: true\n');
    assert.deepEqual(verdict(text, 'recommended').filter((v) => v.includes('pss-')), []);
    const findings = lint(text, 'kubernetes', { rules: { 'pss-host-namespaces': 'warning' } }).findings.filter((f) => f.ruleId.startsWith('pss-'));
    assert.deepEqual(findings.map((f) => `${f.severity} ${f.ruleId}`), ['warning pss-host-namespaces']);
  });
});

describe('admitted means no finding at all; rejected means an error naming the control', () => {
  // [name, manifest, Baseline verdict, Restricted verdict]: the rule ids that must report, [] where the admission admits.
  const cases: [string, string, string[], string[]][] = [
    ['a pod with nothing set (Docker rules would report much; these presets do not)', pod(''), [], ['pss-capabilities', 'pss-privilege-escalation', 'pss-run-as-non-root', 'pss-seccomp']],
    ['a Restricted pod, untagged image and no limits', RESTRICTED_POD, [], []],
    ['a suppression of a rule the preset does not run is not reported as unused', '# capdrop-ignore pin-image-version -- built by CI\n' + RESTRICTED_POD, [], []],
    ['a Restricted pod with a hostPath volume', RESTRICTED_POD + '  volumes:\n    - name: h\n      hostPath: {path: /tmp}\n', ['pss-host-path-volumes'], ['pss-volume-types']],
    ['a Restricted pod with an NFS volume (Baseline allows it)', RESTRICTED_POD + '  volumes:\n    - name: n\n      nfs: {server: s, path: /}\n', [], ['pss-volume-types']],
    ['a Restricted pod adding CHOWN (Baseline allows it)', RESTRICTED_POD.replace('drop: [ALL]', 'drop: [ALL]\n          add: [CHOWN]'), [], ['pss-capabilities']],
    ['a Restricted pod in a user namespace, as root with an unmasked /proc', RESTRICTED_POD.replace('runAsNonRoot: true', 'runAsUser: 0').replace('drop: [ALL]', 'drop: [ALL]\n        procMount: Unmasked').replace('spec:\n', 'spec:\n  hostUsers: false\n'), [], ['pss-proc-mount']],
    ['a Windows pod: the Linux-only Restricted checks do not apply', pod('', '  os: {name: windows}\n  securityContext:\n    runAsNonRoot: true\n'), [], []],
    ['privileged, on the host network, with a host port', pod('      securityContext: {privileged: true}\n      ports: [{containerPort: 80, hostPort: 80}]\n', '  hostNetwork: true\n'), ['pss-host-namespaces', 'pss-host-ports', 'pss-privileged'], ['pss-capabilities', 'pss-host-namespaces', 'pss-host-ports', 'pss-privilege-escalation', 'pss-privileged', 'pss-run-as-non-root', 'pss-seccomp']],
  ];
  for (const [name, text, baseline, restricted] of cases) {
    it(name, () => {
      for (const [preset, expected] of [['pss-baseline', baseline], ['pss-restricted', restricted]] as const) {
        const found = verdict(text, preset);
        assert.ok(found.every((f) => f.startsWith('error pss-')), `${preset}: only errors of Pod Security Standards rules: ${found.join(', ')}`);
        assert.deepEqual([...new Set(found.map((f) => f.slice('error '.length)))].sort(), expected, preset);
      }
    });
  }
});

describe('the presets in the configuration and on the command line', () => {
  it('.capdrop.yaml accepts preset: pss-restricted', () => {
    const { config, problems } = parseConfig('preset: pss-restricted\n', new Set(allRules.map((r) => r.id)));
    assert.deepEqual(problems, []);
    assert.equal(config.preset, 'pss-restricted');
  });

  it('capdrop --preset pss-baseline reports only the Baseline controls', async () => {
    const root = tempTree({ 'k8s/pod.yaml': pod('      securityContext:\n        privileged: true\n') });
    const r = await runCli(['--format', 'json', '--preset', 'pss-baseline', '.'], root);
    const reports = JSON.parse(r.stdout) as { file: string; findings: { ruleId: string }[] }[];
    assert.deepEqual(reports.map((rep) => [rep.file, rep.findings.map((f) => f.ruleId)]), [['k8s/pod.yaml', ['pss-privileged']]]);
  });
});
