import type { Segment } from '../index';
export function devcontainerSegments(_text: string): Segment[] {
  return [];
}
