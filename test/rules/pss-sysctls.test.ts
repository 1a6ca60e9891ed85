import { ruleTester } from '../ruleTester';
import rule from '../../rules/pss-sysctls';

// Each case is what the PodSecurity admission admits (valid) or rejects (invalid) at the level of its preset.
ruleTester.run(
  rule,
  {
    valid: [
      { kind: 'kubernetes', code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  securityContext:\n    sysctls:\n      - name: net.ipv4.tcp_rmem\n        value: "4096 87380 16777216"\n  containers:\n    - name: app\n      image: nginx:1.27\n' },
    ],
    invalid: [
      {
        kind: 'kubernetes',
        code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  securityContext:\n    sysctls:\n      - name: kernel.msgmax\n        value: "65536"\n      - name: net.ipv4.ip_local_port_range\n        value: "1024 65535"\n  containers:\n    - name: app\n      image: nginx:1.27\n',
        errors: [{ messageId: 'sysctl', message: 'Pod Security Standards (Baseline), "Sysctls": the pod must not set the sysctl kernel.msgmax, which is not among the safe ones.', line: 8, column: 15, endLine: 8, endColumn: 28 }],
        fixes: [],
      },
    ],
  },
);
