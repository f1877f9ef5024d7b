/** The packet filter: anchors and their rules. */

export interface PacketFilterOps {
  /** The packet filter's kernel module is loaded. */
  isLoaded(): Promise<boolean>;
  isEnabled(): Promise<boolean>;
  /** Loads the main ruleset from a file (replaces every main rule). */
  loadMain(file: string): Promise<void>;
  /** Loads rules into an anchor, from a file or from text. */
  loadAnchor(anchor: string, source: { readonly file: string } | { readonly rules: string }): Promise<void>;
  /** Removes the nat/rdr rules of an anchor. */
  flushAnchor(anchor: string): Promise<void>;
  /** Anchors below `parent` (top-level ones without). */
  anchors(parent?: string): Promise<string[]>;
  /** The nat/rdr rules of an anchor as the packet filter prints them (numeric ports with `numeric`). */
  natRules(anchor: string, options?: { readonly numeric?: boolean }): Promise<string[]>;
  /** Enables the packet filter; `alreadyEnabled` when it was (not an error). */
  enable(): Promise<{ alreadyEnabled: boolean; message: string }>;
}
