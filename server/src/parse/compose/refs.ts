import type { Document, YAMLMap, YAMLSeq } from 'yaml';
import { entriesOf, type AliasTable, type Entry } from '../../yaml/access';

/** What the Compose writer needs to edit a value: kept in `Located.node`. */
export interface ComposeRef {
  /** The value node (scalar, mapping...) after aliases. */
  value: unknown;
  /** The key/value pair that sets this value, when it is a whole setting (`privileged: true`). */
  entry?: Entry;
  /** For a list item: the list setting and the item's position in it. */
  list?: { entry: Entry; seq: YAMLSeq; index: number };
  /** Enclosing settings of a nested one (deploy, resources, limits), outermost first. */
  parents?: Entry[];
}

/** Kept in `ContainerSpec.origin.node`. */
export class ServiceRef {
  private read: Map<string, Entry> | undefined = undefined;

  constructor(
    readonly entry: Entry,
    /** The service mapping; undefined for `app:` with no value. */
    readonly map: YAMLMap | undefined,
    readonly doc: Document,
    private readonly aliases: AliasTable,
  ) {}

  /**
   * The service's settings after merge keys, read again when a writer first asks rather than kept from
   * the model's reading: the Maps of 2,000 services were ~1.4 MB of the model of a 25,000-line file,
   * while fixes are planned for a few. Merged entries are the same objects as the reader's (`mergedEntries`).
   */
  get entries(): Map<string, Entry> {
    return (this.read ??= this.map ? entriesOf(this.map, this.aliases, this.entry.shared) : new Map());
  }
}

/** Kept in `ParsedFile.handle`. */
export interface ComposeHandle {
  docs: Document[];
}
