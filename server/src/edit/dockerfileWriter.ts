import type { ParsedFile } from '../model/containerSpec';
import type { SpecWriter } from './writer';

// Placeholder until the Dockerfile writer lands: it offers no edit.
export function createDockerfileWriter(_parsed: ParsedFile): SpecWriter {
  const none = () => null;
  return { remove: none, replace: none, addToList: none, setSettings: none, makeMountReadOnly: none, bindPortToHostIp: none };
}
