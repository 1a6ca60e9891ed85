import { ruleTester } from '../ruleTester';
import rule from '../../rules/no-host-devices';

ruleTester.run(rule, {
  valid: [
    { kind: 'run', code: 'docker run --device <device> nginx:1.27', name: 'a placeholder device is unknown' },
    { kind: 'compose', code: 'services:\n  app:\n    image: nginx:1.27\n' },
    {
      kind: 'compose',
      name: 'a GPU reservation is not a device',
      code: 'services:\n  ml:\n    image: pytorch/pytorch:2.4.0-cuda12.1-cudnn9-runtime\n    deploy:\n      resources:\n        reservations:\n          devices:\n            - driver: nvidia\n              count: 1\n              capabilities: [gpu]\n',
    },
    { kind: 'compose', code: 'services:\n  app:\n    image: nginx:1.27\n    devices: ${DEVICES}\n', name: 'a ${VAR} device list stays silent' },
    { kind: 'run', code: 'docker run --gpus all nvidia/cuda:12.4.1-base-ubuntu22.04 nvidia-smi' },
    {
      kind: 'compose',
      name: 'mounts below /dev that are not devices: /dev whole and shared memory (no-sensitive-mount), pseudo-devices, the syslog socket, symlink directories',
      code: 'services:\n  app:\n    image: alpine:3.20\n    volumes:\n      - /dev:/dev\n      - /dev/shm:/dev/shm\n      - /dev/urandom:/dev/random:ro\n      - /dev/log:/dev/log\n      - /dev/disk/:/dev/disk:ro\n      - /dev/serial/by-id:/dev/serial/by-id\n      - ${DEVICE}:/dev/ttyACM0\n',
    },
  ],
  invalid: [
    {
      kind: 'run',
      name: 'a README line whose image is a placeholder: the device is still judged',
      code: 'docker run -it --device /dev/sdc [OPTIONS] IMAGE [COMMAND]',
      errors: [{ messageId: 'rawDevice', severity: 'error', data: { device: '/dev/sdc', what: 'a whole host disk' }, line: 1, column: 25, endLine: 1, endColumn: 33 }],
      fixes: [],
    },
    {
      kind: 'compose',
      code: 'services:\n  z2m:\n    image: koenkk/zigbee2mqtt:1.40.2\n    devices:\n      - /dev/ttyUSB0:/dev/ttyACM0\n',
      errors: [{ messageId: 'device', severity: 'warning', data: { device: '/dev/ttyUSB0' }, line: 5, column: 9, endLine: 5, endColumn: 34 }],
      fixes: [],
    },
    {
      kind: 'compose',
      name: 'memory and raw disks are errors, other devices warnings',
      code: 'services:\n  app:\n    image: alpine:3.20\n    devices:\n      - /dev/sda\n      - /dev/mem:/dev/mem:r\n      - /dev/nvme0n1\n      - /dev/mapper/vg-root\n      - /dev/dri\n',
      errors: [
        { messageId: 'rawDevice', severity: 'error', data: { device: '/dev/sda', what: 'a whole host disk' }, line: 5, column: 9, endLine: 5, endColumn: 17 },
        { messageId: 'rawDevice', severity: 'error', data: { device: '/dev/mem', what: 'host memory' }, line: 6, column: 9, endLine: 6, endColumn: 28 },
        { messageId: 'rawDevice', severity: 'error', data: { device: '/dev/nvme0n1', what: 'a whole host disk' }, line: 7, column: 9, endLine: 7, endColumn: 21 },
        { messageId: 'rawDevice', severity: 'error', data: { device: '/dev/mapper/vg-root', what: 'a whole host disk' }, line: 8, column: 9, endLine: 8, endColumn: 28 },
        { messageId: 'device', severity: 'warning', data: { device: '/dev/dri' }, line: 9, column: 9, endLine: 9, endColumn: 17 },
      ],
      fixes: [],
    },
    {
      kind: 'compose',
      name: 'through an anchor: points at the anchored list',
      code: 'x-devices: &devices\n  - /dev/port\nservices:\n  app:\n    image: alpine:3.20\n    devices: *devices\n',
      errors: [{ messageId: 'rawDevice', data: { device: '/dev/port', what: 'host I/O ports' }, line: 2, column: 5, endLine: 2, endColumn: 14 }],
      fixes: [],
    },
    {
      kind: 'run',
      code: 'docker run --device /dev/ttyUSB0 koenkk/zigbee2mqtt:1.40.2',
      errors: [{ messageId: 'device', data: { device: '/dev/ttyUSB0' }, line: 1, column: 21, endLine: 1, endColumn: 33 }],
      fixes: [],
    },
    {
      kind: 'run',
      name: 'split over lines: = form and a loop device with mknod',
      code: 'docker run -d \\\n  --device=/dev/kmem \\\n  --device /dev/loop0:/dev/loop0:rwm \\\n  alpine:3.20 sh',
      errors: [
        { messageId: 'rawDevice', severity: 'error', data: { device: '/dev/kmem', what: 'host memory' }, line: 2, column: 12, endLine: 2, endColumn: 21 },
        { messageId: 'rawDevice', severity: 'error', data: { device: '/dev/loop0', what: 'host block devices' }, line: 3, column: 12, endLine: 3, endColumn: 37 },
      ],
      fixes: [],
    },
    {
      kind: 'compose',
      name: 'devices bind-mounted as volumes are judged as devices',
      code: 'services:\n  z2m:\n    image: koenkk/zigbee2mqtt:1.40.2\n    volumes:\n      - /dev/ttyUSB0:/dev/ttyUSB0\n      - /dev/sda:/dev/sda:ro\n      - /dev/bus/usb:/dev/bus/usb\n      - /dev/disk/by-id/ata-disk1:/dev/disk1\n',
      errors: [
        { messageId: 'device', data: { device: '/dev/ttyUSB0' }, severity: 'warning', line: 5, column: 9, endLine: 5, endColumn: 21 },
        { messageId: 'rawDevice', data: { device: '/dev/sda', what: 'a whole host disk' }, severity: 'error', line: 6, column: 9, endLine: 6, endColumn: 17 },
        { messageId: 'device', data: { device: '/dev/bus/usb' }, severity: 'warning', line: 7, column: 9, endLine: 7, endColumn: 21 },
        { messageId: 'rawDevice', data: { device: '/dev/disk/by-id/ata-disk1', what: 'a whole host disk' }, severity: 'error', line: 8, column: 9, endLine: 8, endColumn: 34 },
      ],
      fixes: [],
    },
    {
      kind: 'run',
      name: '-v and --mount of a device, a path the kernel folds',
      code: 'docker run -v /dev/kvm:/dev/kvm --mount type=bind,source=//dev/./mem,target=/dev/mem alpine:3.20\n',
      errors: [
        { messageId: 'device', data: { device: '/dev/kvm' }, severity: 'warning', line: 1, column: 15, endLine: 1, endColumn: 23 },
        { messageId: 'rawDevice', data: { device: '/dev/mem', what: 'host memory' }, severity: 'error', line: 1, column: 58, endLine: 1, endColumn: 69 },
      ],
      fixes: [],
    },
  ],
});
