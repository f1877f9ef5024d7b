/** The host's service configuration (rc.conf knobs). */

export interface ServiceConfigOps {
  /** A knob of the service configuration (`pf_rules`); undefined when unset. */
  get(knob: string, options?: { readonly file?: string }): Promise<string | undefined>;
  /** Sets a knob; answers the tool's report (`name: OLD -> NEW`), '' when quiet. */
  set(knob: string, value: string, options?: { readonly file?: string; readonly quiet?: boolean }): Promise<string>;
  remove(knob: string, options?: { readonly file?: string }): Promise<void>;
}
