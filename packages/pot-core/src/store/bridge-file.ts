/**
 * A private bridge file `POT_FS_ROOT/bridges/NAME`:
 * `net=CIDR`, `gateway=IP`, `name=NAME`, in that order. Unknown lines are kept.
 */
import { KeyValueFile } from './key-value-file.js';

export interface BridgeDefinition {
  name: string;
  net: string;
  gateway: string;
}

export function bridgeFileText(def: BridgeDefinition): string {
  return `net=${def.net}\ngateway=${def.gateway}\nname=${def.name}\n`;
}

/** The bridge's values as shell pot reads them (blanks and quotes stripped); undefined when net or gateway is missing. */
export function parseBridgeFile(text: string, fileName?: string): (BridgeDefinition & { file: KeyValueFile }) | undefined {
  const file = KeyValueFile.parse(text);
  const net = file.getShell('net');
  const gateway = file.getShell('gateway');
  const name = file.getShell('name') ?? fileName;
  if (!net || !gateway || !name) return undefined;
  return { name, net, gateway, file };
}
