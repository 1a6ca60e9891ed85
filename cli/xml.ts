/** Text and attribute values for XML 1.0: the five escapes, and characters XML 1.0 cannot hold dropped. */
export function xmlEscape(text: string): string {
  return text
    // Control characters other than tab, LF and CR are not allowed in XML 1.0, not even escaped.
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}
