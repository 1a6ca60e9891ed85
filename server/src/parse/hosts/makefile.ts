import type { Segment } from '../index';
export function makefileSegments(_text: string): Segment[] {
  return [];
}
