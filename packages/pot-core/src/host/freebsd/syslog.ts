/** logger(1): what pot tells syslog. */
import type { SyslogOps } from '../types.js';
import { type Tools, e } from './tools.js';

export function createSyslogOps(t: Tools): SyslogOps {
  const { must } = t;
  const log: SyslogOps = {
    async syslog(message, opts) {
      await must(e('logger', ['-p', `${opts.facility}.${opts.priority ?? 'info'}`, '-t', opts.tag ?? 'pot', message]));
    },
    async reload() {
      await must(e('service', ['syslogd', 'reload']));
    },
  };
  return log;
}
