/** What pot tells the system log. */

export interface SyslogOps {
  /** Sends one message to the system log (`facility.priority`, tag). */
  syslog(message: string, options: { readonly facility: string; readonly priority?: string; readonly tag?: string }): Promise<void>;
  /** Makes the system logger read its configuration again (after a pot's log configuration changed). */
  reload(): Promise<void>;
}
