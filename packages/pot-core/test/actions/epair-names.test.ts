/** The host side of a bridged pot's epair: shell pot's name, never twice from one process. */
import { describe, expect, it } from 'vitest';
import { epairHostName } from '../../src/actions/network/epair-attach.js';

describe('epairHostName', () => {
  it("is p<family><hex epoch><hex pid>, as shell pot's", () => {
    expect(epairHostName('4', 1_700_000_000_500, 4242)).toBe('p46553f1001092');
  });

  it('a pot and its dependency started within one second get different names', () => {
    const now = 1_800_000_000_000;
    const names = [epairHostName('4', now, 77), epairHostName('4', now + 300, 77), epairHostName('6', now, 77)];
    expect(new Set(names).size).toBe(3);
    expect(names[1]).toBe(`p4${(now / 1000 + 1).toString(16)}${(77).toString(16)}`);
  });
});
