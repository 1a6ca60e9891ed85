import type { Document, YAMLMap, YAMLSeq } from 'yaml';
import type { Entry } from './yamlAccess';

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
export interface ServiceRef {
  entry: Entry;
  /** The service mapping; undefined for `app:` with no value. */
  map: YAMLMap | undefined;
  entries: Map<string, Entry>;
  doc: Document;
}

/** Kept in `ParsedFile.handle`. */
export interface ComposeHandle {
  docs: Document[];
}
