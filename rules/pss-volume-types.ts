import { defineRule } from '../server/src/engine/ruleApi';
import { RESTRICTED, kube, podExample, pssDocs } from './support/pss';

/**
 * The volume sources Restricted rejects: every core source but configMap, csi, downwardAPI, emptyDir,
 * ephemeral, image, persistentVolumeClaim, projected and secret. A key that is no volume source at all is
 * dropped when the API decodes the pod, which then defaults the volume to emptyDir: not reported.
 */
const RESTRICTED_SOURCES = new Set([
  'hostPath', 'gcePersistentDisk', 'awsElasticBlockStore', 'gitRepo', 'nfs', 'iscsi', 'glusterfs', 'rbd', 'flexVolume', 'cinder',
  'cephfs', 'flocker', 'fc', 'azureFile', 'vsphereVolume', 'quobyte', 'azureDisk', 'photonPersistentDisk', 'portworxVolume', 'scaleIO', 'storageos',
]);

export default defineRule({
  id: 'pss-volume-types',
  title: 'Pod Security Standards: only the volume types Restricted allows',
  severity: 'error',
  inputs: ['kubernetes'],
  presets: RESTRICTED,
  docs: pssDocs(
    'Volume Types',
    'Restricted level (replaces Baseline\'s "HostPath Volumes"). Volumes must use configMap, csi, downwardAPI, emptyDir, ephemeral, image, persistentVolumeClaim, projected or secret; the node paths and storage drivers of the other types (hostPath, nfs, iscsi, rbd, flexVolume, gitRepo…) are mounted with the node\'s privileges and belong in PersistentVolumes an administrator defines.',
    {
      bad: [{ kind: 'kubernetes', code: podExample('', '  volumes:\n    - name: share\n      nfs:\n        server: nfs.example.com\n        path: /exports\n') }],
      good: [{ kind: 'kubernetes', code: podExample('', '  volumes:\n    - name: data\n      persistentVolumeClaim:\n        claimName: data\n') }],
    },
  ),
  messages: {
    volumeType: 'Pod Security Standards (Restricted), "Volume Types": volume "{{volume}}" must not use the {{type}} volume type (use a persistentVolumeClaim, configMap, secret, emptyDir, projected, downwardAPI, csi, ephemeral or image volume).',
  },
  check(spec, ctx) {
    const k = kube(spec);
    if (!k) return;
    for (const volume of k.pod.volumes) {
      if (RESTRICTED_SOURCES.has(volume.value.type)) ctx.report({ at: volume, messageId: 'volumeType', data: { volume: volume.value.name, type: volume.value.type }, fixes: [] });
    }
  },
});
