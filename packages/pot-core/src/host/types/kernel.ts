/** Kernel parameters and modules. */
import type { ExecResult } from './jails.js';

export interface KernelParamOps {
  /** undefined when the parameter does not exist (`quiet`: the host tool prints no diagnostic either). */
  get(name: string, options?: { readonly quiet?: boolean }): Promise<string | undefined>;
  /** Sets a parameter (`verbose` prints old and new values as the host tool does). */
  set(name: string, value: string, options?: { readonly verbose?: boolean }): Promise<ExecResult>;
}

export interface KernelModuleOps {
  isLoaded(name: string): Promise<boolean>;
  /** Loads a module (no error when it is loaded already). */
  load(name: string): Promise<void>;
}
