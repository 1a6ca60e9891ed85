import type { Segment } from '../index';
export function ciYamlSegments(_text: string): Segment[] {
  return [];
}
