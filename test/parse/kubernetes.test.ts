import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseKubernetes } from '../../server/src/parse/kubernetes';
import { looksLikeKubernetes } from '../../server/src/parse/kubernetes/workloads';
import type { ContainerSpec } from '../../server/src/model/containerSpec';
import { isUnknown, type Maybe, type SourceRange } from '../../server/src/model/located';

/** `line:column-line:column` (1-based, end exclusive) and the text a range covers. */
function span(text: string, range: SourceRange): string {
  const at = (offset: number) => {
    const before = text.slice(0, offset);
    return `${before.split('\n').length}:${offset - before.lastIndexOf('\n')}`;
  };
  return `${at(range.start)}-${at(range.end)} ${text.slice(range.start, range.end)}`;
}

function valueOf<T>(m: Maybe<T>): T | 'unknown' | undefined {
  if (m === undefined) return undefined;
  return isUnknown(m) ? 'unknown' : m.value;
}

function specs(text: string): ContainerSpec[] {
  const parsed = parseKubernetes(text);
  assert.deepEqual(parsed.problems, []);
  return parsed.specs;
}

describe('kubernetes parser: a Deployment', () => {
  const text = [
    'apiVersion: apps/v1', //                                   1
    'kind: Deployment',
    'metadata:',
    '  name: web',
    'spec:', //                                                  5
    '  template:',
    '    metadata:',
    '      annotations:',
    '        container.apparmor.security.beta.kubernetes.io/app: unconfined',
    '    spec:', //                                              10
    '      hostNetwork: true',
    '      hostPID: false',
    '      securityContext:',
    '        runAsUser: 1000',
    '        seccompProfile:', //                                15
    '          type: Unconfined',
    '        sysctls:',
    '          - name: kernel.msgmax',
    '            value: "65536"',
    '      initContainers:', //                                  20
    '        - name: init',
    '          image: busybox:1.36',
    '          securityContext:',
    '            runAsUser: 0',
    '            seccompProfile: {type: RuntimeDefault}', //      25
    '      containers:',
    '        - name: app',
    '          image: nginx:1.27',
    '          securityContext:',
    '            privileged: true', //                           30
    '            allowPrivilegeEscalation: false',
    '            readOnlyRootFilesystem: true',
    '            procMount: Unmasked',
    '            capabilities:',
    '              add: [NET_ADMIN]', //                         35
    '              drop:',
    '                - ALL',
    '          ports:',
    '            - containerPort: 80',
    '              hostPort: 8080', //                           40
    '              hostIP: 127.0.0.1',
    '            - containerPort: 9090',
    '          env:',
    '            - name: MODE',
    '              value: prod', //                              45
    '            - name: TOKEN',
    '              valueFrom: {secretKeyRef: {name: s, key: k}}',
    '          resources:',
    '            limits: {memory: 256Mi, cpu: 500m}',
    '          volumeMounts:', //                                50
    '            - name: sock',
    '              mountPath: /var/run/docker.sock',
    '            - name: logs',
    '              mountPath: /logs',
    '              subPath: app', //                             55
    '              readOnly: true',
    '            - name: cache',
    '              mountPath: /cache',
    '          livenessProbe:',
    '            httpGet: {path: /, port: 80, host: 10.0.0.1}', // 60
    '      volumes:',
    '        - name: sock',
    '          hostPath:',
    '            path: /var/run//docker.sock',
    '        - name: logs', //                                   65
    '          hostPath: {path: /var/log/}',
    '        - name: cache',
    '          emptyDir: {}',
    '---',
    'apiVersion: v1', //                                         70
    'kind: Service',
    'metadata: {name: web}',
    '',
  ].join('\n');
  const [init, app] = specs(text);

  it('reads one spec per container, init containers included, and skips other kinds', () => {
    assert.deepEqual([init.origin.name, app.origin.name], ['web/init', 'web/app']);
    assert.deepEqual([init.kubernetes?.list, app.kubernetes?.list], ['initContainers', 'containers']);
    assert.equal(span(text, app.origin.nameRange), '27:17-27:20 app');
    assert.equal(app.incomplete, false);
  });

  it('applies the pod securityContext where the container does not set its own', () => {
    assert.equal(valueOf(app.user), '1000');
    assert.equal(span(text, app.user!.range), '14:9-14:24 runAsUser: 1000');
    assert.equal(valueOf(init.user), '0');
    assert.deepEqual(app.securityOpt.map((o) => o.value), ['no-new-privileges:true', 'seccomp=unconfined', 'apparmor=unconfined', 'systempaths=unconfined']);
    assert.deepEqual(init.securityOpt.map((o) => o.value), []);
    assert.equal(span(text, app.securityOpt[1].range), '16:17-16:27 Unconfined');
  });

  it('reads the container securityContext', () => {
    assert.equal(valueOf(app.privileged), true);
    assert.equal(valueOf(app.readOnly), true);
    assert.deepEqual(app.capAdd.map((c) => c.value), ['NET_ADMIN']);
    assert.deepEqual(app.capDrop.map((c) => c.value), ['ALL']);
    assert.equal(span(text, app.capDropField!.range), '36:15-36:19 drop');
  });

  it('reads host namespaces from the pod: true is the host namespace, false is none', () => {
    assert.equal(valueOf(app.namespaces.network), 'host');
    assert.equal(app.namespaces.network, init.namespaces.network, 'one object for every container of the pod');
    assert.equal(app.namespaces.pid, undefined);
  });

  it('joins hostPath volumes to the mounts that use them', () => {
    const mounts = app.mounts.map((m) => `${m.value.type} ${m.value.source?.value} -> ${m.value.target?.value}${m.value.readOnly ? ' ro' : ''}`);
    assert.deepEqual(mounts, ['bind /var/run/docker.sock -> /var/run/docker.sock', 'bind /var/log/app -> /logs ro', 'volume cache -> /cache']);
    assert.equal(span(text, app.mounts[0].value.source!.range), '51:21-51:25 sock');
  });

  it('reads ports: a hostPort publishes, a containerPort alone is exposed', () => {
    const ports = app.ports.map((p) => `${p.value.mode} ${p.value.hostIp?.value ?? '*'}:${p.value.hostPort?.value ?? '-'}:${p.value.containerPort.value}`);
    assert.deepEqual(ports, ['published 127.0.0.1:8080:80', 'exposed *:-:9090']);
  });

  it('reads env literals; valueFrom is unknown', () => {
    assert.deepEqual(app.env.map((e) => `${e.value.name.value}=${valueOf(e.value.value)}`), ['MODE=prod', 'TOKEN=unknown']);
  });

  it('reads resources.limits; the PID limit is unknown (the kubelet sets it)', () => {
    assert.equal(valueOf(app.limits.memory), '256Mi');
    assert.equal(valueOf(app.limits.cpus), '500m');
    assert.equal(valueOf(app.limits.pids), 'unknown');
    assert.equal(init.limits.memory, undefined);
  });

  it('keeps the fields the Pod Security Standards judge', () => {
    const pod = app.kubernetes!.pod;
    assert.equal(pod, init.kubernetes!.pod);
    assert.deepEqual(pod.sysctls.map((s) => s.value), ['kernel.msgmax']);
    assert.deepEqual(pod.volumes.map((v) => `${v.value.name}:${v.value.type}`), ['sock:hostPath', 'logs:hostPath', 'cache:emptyDir']);
    assert.equal(valueOf(pod.securityContext.seccompProfileType), 'Unconfined');
    assert.equal(valueOf(init.kubernetes!.securityContext.seccompProfileType), 'RuntimeDefault');
    assert.equal(valueOf(app.kubernetes!.procMount), 'Unmasked');
    assert.deepEqual(app.kubernetes!.probeHosts.map((h) => h.value), ['10.0.0.1']);
    assert.deepEqual(pod.appArmorAnnotations.map((a) => a.value), ['app=unconfined']);
  });
});

describe('kubernetes parser: workload kinds', () => {
  const container = (indent: string) => `${indent}containers:\n${indent}  - name: c\n${indent}    image: nginx:1.27\n`;
  const cases: [string, string][] = [
    ['Pod', `apiVersion: v1\nkind: Pod\nmetadata: {name: x}\nspec:\n${container('  ')}`],
    ['PodTemplate', `apiVersion: v1\nkind: PodTemplate\nmetadata: {name: x}\ntemplate:\n  spec:\n${container('    ')}`],
    ['StatefulSet', `apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: x}\nspec:\n  template:\n    spec:\n${container('      ')}`],
    ['Job', `apiVersion: batch/v1\nkind: Job\nmetadata: {name: x}\nspec:\n  template:\n    spec:\n${container('      ')}`],
    ['CronJob', `apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: x}\nspec:\n  jobTemplate:\n    spec:\n      template:\n        spec:\n${container('          ')}`],
    ['List', `apiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n    kind: Pod\n    metadata: {name: x}\n    spec:\n${container('      ')}  - apiVersion: v1\n    kind: ConfigMap\n    data: {a: b}\n`],
  ];
  for (const [kind, text] of cases) {
    it(`finds the containers of a ${kind}`, () => {
      assert.deepEqual(specs(text).map((s) => s.origin.name), ['x/c']);
      assert.ok(looksLikeKubernetes(text), 'recognised by content');
    });
  }

  it('reads nothing from other kinds, and does not take them for manifests', () => {
    const text = 'apiVersion: v1\nkind: ConfigMap\ndata:\n  containers: x\n';
    assert.deepEqual(specs(text), []);
    assert.equal(looksLikeKubernetes(text), false);
    assert.equal(looksLikeKubernetes('services:\n  app:\n    image: nginx\n'), false);
  });

  it('a container without an image (a kustomize patch) is incomplete', () => {
    const [spec] = specs('apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: x}\nspec:\n  template:\n    spec:\n      containers:\n        - name: c\n          env: [{name: A, value: b}]\n');
    assert.equal(spec.incomplete, true);
  });

  it('reports YAML errors of a plain manifest, and never crashes on odd shapes', () => {
    assert.equal(parseKubernetes('apiVersion: v1\nkind: Pod\nspec: [\n').problems.length, 1);
    for (const odd of ['', '---\n---\n', 'kind: Pod\nspec: 3\n', 'kind: Pod\nspec:\n  containers: [1, null, {image: 3}]\n', 'kind: List\nitems: {a: 1}\n', '- a\n- b\n']) {
      assert.doesNotThrow(() => parseKubernetes(odd));
    }
  });
});

describe('kubernetes parser: Helm templates', () => {
  const text = [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  name: {{ include "app.fullname" . }}',
    '  labels:',
    '    {{- include "app.labels" . | nindent 4 }}',
    'spec:',
    '  template:',
    '    spec:',
    '      {{- with .Values.podSecurityContext }}',
    '      securityContext:',
    '        {{- toYaml . | nindent 8 }}',
    '      {{- end }}',
    '      containers:',
    '        - name: {{ .Chart.Name }}',
    '          image: "{{ .Values.image.repository }}:{{ .Values.image.tag | default .Chart.AppVersion }}"',
    '          securityContext:',
    '            privileged: true',
    '            runAsUser: {{ .Values.uid }}',
    '          resources:',
    '            {{- toYaml .Values.resources | nindent 12 }}',
    '',
  ].join('\n');

  it('reads the literal parts without a parse error, with offsets kept', () => {
    const [spec] = specs(text);
    assert.equal(valueOf(spec.privileged), true);
    assert.equal(span(text, spec.privileged!.range), '18:13-18:29 privileged: true');
  });

  it('judges values written by template actions as unknown, and the templated blocks as incomplete', () => {
    const [spec] = specs(text);
    assert.equal(valueOf(spec.image), 'unknown');
    assert.equal(valueOf(spec.user), 'unknown');
    assert.equal(valueOf(spec.limits.memory), undefined);
    assert.equal(spec.incomplete, true);
  });

  it('does not report YAML the masking leaves broken', () => {
    const broken = 'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n{{- range .Values.containers }}\n  - name: {{ .name }}\n    image: x\n  {{- end }}\n   bad: [\n';
    assert.deepEqual(parseKubernetes(broken).problems, []);
  });
});
