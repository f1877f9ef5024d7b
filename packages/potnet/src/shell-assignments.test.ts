import { describe, expect, it } from 'vitest';
import { parseShellAssignments } from './shell-assignments.js';

const values = (text: string) => Object.fromEntries(parseShellAssignments(text, 'pot.conf').values);

describe('parseShellAssignments: what sh accepts when pot sources a file', () => {
  it('reads plain, quoted, exported and commented assignments; later ones win', () => {
    const text = [
      '# a comment',
      '',
      'POT_ZFS_ROOT=zroot/pot',
      'POT_FS_ROOT="/opt/pot"',
      "POT_EXTIF='vtnet0'",
      'export POT_NETWORK=10.0.0.0/24',
      '  POT_GATEWAY=10.0.0.1 # trailing comment',
      'POT_EXTRA_EXTIF="vlan20 vlan30"',
      'POT_DNS_NAME=a\\ b',
      'POT_MIXED="x"\'y\'z',
      'POT_ZFS_ROOT=zroot/other',
      'POT_EMPTY=',
      'POT_CRLF=yes\r',
    ].join('\n');
    expect(values(text)).toEqual({
      POT_ZFS_ROOT: 'zroot/other',
      POT_FS_ROOT: '/opt/pot',
      POT_EXTIF: 'vtnet0',
      POT_NETWORK: '10.0.0.0/24',
      POT_GATEWAY: '10.0.0.1',
      POT_EXTRA_EXTIF: 'vlan20 vlan30',
      POT_DNS_NAME: 'a b',
      POT_MIXED: 'xyz',
      POT_EMPTY: '',
      POT_CRLF: 'yes',
    });
  });

  it.each([
    ['POT_FS_ROOT=$HOME/pot', 'unsupported expansion'],
    ['POT_FS_ROOT="${PREFIX}/pot"', 'unsupported expansion'],
    ['POT_FS_ROOT=`hostname`', 'unsupported expansion'],
    ['POT_FS_ROOT=$(hostname)', 'unsupported expansion'],
    ['POT_FS_ROOT="/opt', 'unterminated double quote'],
    ["POT_FS_ROOT='/opt", 'unterminated single quote'],
    ['POT_FS_ROOT=/opt pot', 'has blanks and is not quoted'],
    ['echo hello', 'not an assignment'],
    ['1POT=x', 'invalid variable name'],
    ['POT_A=x | tee', 'unexpected text'],
  ])('reports %j with file, line and reason, and leaves the key unset', (line, reason) => {
    const result = parseShellAssignments(`POT_OK=1\n${line}\n`, '/usr/local/etc/pot/pot.conf');
    expect(result.values.get('POT_OK')).toBe('1');
    expect(result.values.has('POT_FS_ROOT')).toBe(false);
    expect(result.diagnostics).toHaveLength(1);
    expect(result.diagnostics[0]).toMatchObject({ file: '/usr/local/etc/pot/pot.conf', line: 2, severity: 'error' });
    expect(result.diagnostics[0]?.message).toContain(reason);
  });

  it('keeps $ and backquotes inside single quotes literal', () => {
    expect(values("POT_X='$HOME `x`'")).toEqual({ POT_X: '$HOME `x`' });
  });
});

describe('the fix the reader gives', () => {
  it.each([
    ['POT_EXTRA_EXTIF=vlan20 vlan30', 'quote the value: POT_EXTRA_EXTIF="vlan20 vlan30"'],
    ['POT_EXTRA_EXTIF=vlan20 vlan30   # extras', 'quote the value: POT_EXTRA_EXTIF="vlan20 vlan30"'],
    ['export POT_VPN_NETWORKS=10.8.0.0/24 10.9.0.0/24', 'quote the value: POT_VPN_NETWORKS="10.8.0.0/24 10.9.0.0/24"'],
    ['POT_X=a b$c', "quote the value: POT_X='a b$c'"],
    ['POT_FS_ROOT=$HOME/pot', expect.stringContaining('write the literal value')],
  ])('%j: %s', (line, fix) => {
    const [d] = parseShellAssignments(`${line}\n`, 'pot.conf').diagnostics;
    expect(d).toMatchObject({ line: 1, severity: 'error', fix });
  });
  it('says a value with blanks is not quoted, naming the word sh would run', () => {
    const [d] = parseShellAssignments('POT_EXTRA_EXTIF=vlan20 vlan30\n', 'pot.conf').diagnostics;
    expect(d?.message).toBe('the value of POT_EXTRA_EXTIF has blanks and is not quoted (sh would run "vlan30" as a command)');
  });
});
