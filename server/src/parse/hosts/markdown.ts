import type { Segment } from '../index';
export function markdownSegments(_text: string): Segment[] {
  return [];
}
