import { describe, expect, it } from 'vitest';
import { freebsdCounterpart, SIGNAL_NAMES, signalList, signalName } from './signal-names.js';

describe('signal names', () => {
  it("FreeBSD's 31 names in number order (kill -l)", () => {
    expect(SIGNAL_NAMES).toHaveLength(31);
    expect(SIGNAL_NAMES[0]).toBe('HUP');
    expect(SIGNAL_NAMES[8]).toBe('KILL');
    expect(SIGNAL_NAMES[14]).toBe('TERM');
    expect(SIGNAL_NAMES[28]).toBe('INFO');
    expect(SIGNAL_NAMES[30]).toBe('USR2');
    expect(signalList()).toBe(
      'HUP INT QUIT ILL TRAP ABRT EMT FPE KILL BUS SEGV SYS PIPE ALRM TERM URG STOP TSTP CONT CHLD TTIN TTOU IO XCPU XFSZ VTALRM PROF WINCH INFO USR1 USR2 IOT',
    );
  });

  it('every name kill(1) takes: with or without SIG, in any case, and the aliases (SIGIOT is SIGABRT)', () => {
    for (const n of SIGNAL_NAMES) for (const t of [n, `SIG${n}`, n.toLowerCase(), `sig${n.toLowerCase()}`]) expect(signalName(t)).toBe(n);
    expect(signalName('SIGIOT')).toBe('ABRT');
    expect(signalName('IOT')).toBe('ABRT');
    expect(signalName('SigIot')).toBe('ABRT');
    expect(signalName('hup')).toBe('HUP');
    expect(signalName('SigHUP')).toBe('HUP');
    expect(freebsdCounterpart('SIGPOLL')).toBe('IO');
    expect(signalName('SIGPOLL')).toBeUndefined();
  });

  it('with or without SIG', () => {
    expect(signalName('HUP')).toBe('HUP');
    expect(signalName('SIGHUP')).toBe('HUP');
    expect(signalName('SIGINFO')).toBe('INFO');
    expect(signalName('USR1')).toBe('USR1');
  });

  it.each(['', 'SIG', 'SIGSIGHUP', 'POLL', 'CLD', 'THR', 'LIBRT', '1', '9', 'SIG9', 'RTMIN', 'HUP ', 'constructor', 'toString', '__proto__'])(
    '%j is not a signal name',
    (v) => expect(signalName(v)).toBeUndefined(),
  );
});
