import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { capabilityName, capabilityRisk, DOCKER_DEFAULT_CAPABILITIES, NON_DEFAULT_CAPABILITIES } from '../../../rules/support/capabilities';

/** Every capability of capabilities(7) up to Linux 5.9 (CAP_CHECKPOINT_RESTORE, number 40), in kernel order. */
const LINUX_CAPABILITIES = [
  'CHOWN', 'DAC_OVERRIDE', 'DAC_READ_SEARCH', 'FOWNER', 'FSETID', 'KILL', 'SETGID', 'SETUID', 'SETPCAP', 'LINUX_IMMUTABLE',
  'NET_BIND_SERVICE', 'NET_BROADCAST', 'NET_ADMIN', 'NET_RAW', 'IPC_LOCK', 'IPC_OWNER', 'SYS_MODULE', 'SYS_RAWIO', 'SYS_CHROOT',
  'SYS_PTRACE', 'SYS_PACCT', 'SYS_ADMIN', 'SYS_BOOT', 'SYS_NICE', 'SYS_RESOURCE', 'SYS_TIME', 'SYS_TTY_CONFIG', 'MKNOD', 'LEASE',
  'AUDIT_WRITE', 'AUDIT_CONTROL', 'SETFCAP', 'MAC_OVERRIDE', 'MAC_ADMIN', 'SYSLOG', 'WAKE_ALARM', 'BLOCK_SUSPEND', 'AUDIT_READ',
  'PERFMON', 'BPF', 'CHECKPOINT_RESTORE',
];

describe('capabilities', () => {
  it('judges every capability outside the default set, and none inside it', () => {
    assert.equal(LINUX_CAPABILITIES.length, 41);
    const outside = LINUX_CAPABILITIES.filter((c) => !DOCKER_DEFAULT_CAPABILITIES.has(c));
    assert.equal(outside.length, 27);
    assert.deepEqual(outside.filter((c) => capabilityRisk(c) === undefined), []);
    assert.deepEqual([...DOCKER_DEFAULT_CAPABILITIES].filter((c) => capabilityRisk(c) !== undefined), []);
    assert.deepEqual(Object.keys(NON_DEFAULT_CAPABILITIES).filter((c) => c !== 'ALL' && !LINUX_CAPABILITIES.includes(c)), [], 'no invented names');
  });

  it('reads names as Docker does', () => {
    assert.equal(capabilityName(' cap_sys_admin '), 'SYS_ADMIN');
    assert.equal(capabilityName('Net_Admin'), 'NET_ADMIN');
    assert.equal(capabilityRisk('constructor'), undefined);
  });
});
