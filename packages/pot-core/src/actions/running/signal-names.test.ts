import { describe, expect, it } from 'vitest';
import { SIGNAL_NAMES, signalList, signalName } from './signal-names.js';

describe('signal names', () => {
  it("FreeBSD's 31 names in number order (kill -l)", () => {
    expect(SIGNAL_NAMES).toHaveLength(31);
    expect(SIGNAL_NAMES[0]).toBe('HUP');
    expect(SIGNAL_NAMES[8]).toBe('KILL');
    expect(SIGNAL_NAMES[14]).toBe('TERM');
    expect(SIGNAL_NAMES[28]).toBe('INFO');
    expect(SIGNAL_NAMES[30]).toBe('USR2');
    expect(signalList()).toBe('HUP INT QUIT ILL TRAP ABRT EMT FPE KILL BUS SEGV SYS PIPE ALRM TERM URG STOP TSTP CONT CHLD TTIN TTOU IO XCPU XFSZ VTALRM PROF WINCH INFO USR1 USR2');
  });

  it('with or without SIG', () => {
    expect(signalName('HUP')).toBe('HUP');
    expect(signalName('SIGHUP')).toBe('HUP');
    expect(signalName('SIGINFO')).toBe('INFO');
    expect(signalName('USR1')).toBe('USR1');
  });

  it.each(['', 'SIG', 'hup', 'SigHUP', 'sighup', 'SIGSIGHUP', 'THR', 'LIBRT', '1', '9', 'SIG9', 'RTMIN', 'HUP '])('%j is not a signal name', (v) => expect(signalName(v)).toBeUndefined());
});
