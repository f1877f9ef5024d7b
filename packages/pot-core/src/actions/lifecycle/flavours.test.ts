import { describe, expect, it } from 'vitest';
import { flavourCommand } from './flavours.js';

describe('flavourCommand', () => {
  it('turns a command-file line into the argv of a pot command on the pot', () => {
    expect(flavourCommand('set-attribute -A persistent -V NO', 'web')).toEqual(['set-attribute', '-A', 'persistent', '-V', 'NO', '-p', 'web']);
    expect(flavourCommand('  export-ports -e 80  -e 443 ', 'web')).toEqual(['export-ports', '-e', '80', '-e', '443', '-p', 'web']);
    expect(flavourCommand('copy-in-flv -s files/x -d /x', 'web')).toEqual(['copy-in', '-s', 'files/x', '-d', '/x', '-p', 'web']);
  });

  it("keeps set-cmd's command verbatim and refuses other forms of it", () => {
    expect(flavourCommand("set-cmd -c nginx -g 'daemon off;'", 'web')).toEqual(['set-cmd', '-c', "nginx -g 'daemon off;'", '-p', 'web']);
    expect(flavourCommand('set-cmd nginx', 'web')).toBeUndefined();
  });

  it('refuses commands flavours may not run', () => {
    expect(flavourCommand('destroy -p web', 'web')).toBeUndefined();
    expect(flavourCommand('rm -rf /', 'web')).toBeUndefined();
    expect(flavourCommand('', 'web')).toBeUndefined();
  });
});
