import type { ParsedFile } from '../model/containerSpec';
import type { SpecWriter } from './writer';

// Placeholder until the Run writer lands: it offers no edit.
export function createRunWriter(_parsed: ParsedFile): SpecWriter {
  const none = () => null;
  return { remove: none, replace: none, addToList: none, setSettings: none, makeMountReadOnly: none, bindPortToHostIp: none };
}
