import type { Entry } from '../../yaml/access';

/**
 * What the Compose reader made of entries several services share, kept per document. A merge key
 * (`<<: *common`) brings the same entries into every service that uses it (`mergedEntries` reads them
 * once), and their located values are the same for each: same text, same range, never editable in
 * place. Nothing changes a located value once read (fixes and relocated copies make new ones), so
 * every service can hold the same objects: on the 25,000-line bench file, whose 2,000 services merge
 * two anchors, that was 26 of the 87 objects the model kept per service (heap snapshots).
 *
 * Keyed by the entry, so an alias read again from each service (`environment: *env`, a new entry
 * each time) is simply read again.
 */
export class SharedReads {
  private readonly reads = new Map<Entry, Map<string, unknown>>();

  /**
   * `read()`'s result for a shared entry under `kind`, read the first time only. Callers ask for shared
   * entries alone (`entry.shared`), and read the others directly, without a closure per read.
   */
  once<T>(entry: Entry, kind: string, read: () => T): T {
    let byKind = this.reads.get(entry);
    if (byKind === undefined) {
      byKind = new Map();
      this.reads.set(entry, byKind);
    } else if (byKind.has(kind)) return byKind.get(kind) as T;
    const value = read();
    byKind.set(kind, value);
    return value;
  }
}
