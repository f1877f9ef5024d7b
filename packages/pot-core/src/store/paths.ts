/** Where pot keeps a pot's files below POT_FS_ROOT. */
import path from 'node:path';

export const potDir = (fsRoot: string, pot: string): string => path.join(fsRoot, 'jails', pot);
export const potConfDir = (fsRoot: string, pot: string): string => path.join(fsRoot, 'jails', pot, 'conf');
export const potConfPath = (fsRoot: string, pot: string): string => path.join(potConfDir(fsRoot, pot), 'pot.conf');
export const fscompConfPath = (fsRoot: string, pot: string): string => path.join(potConfDir(fsRoot, pot), 'fscomp.conf');
export const bridgesDir = (fsRoot: string): string => path.join(fsRoot, 'bridges');
export const bridgeFilePath = (fsRoot: string, bridge: string): string => path.join(fsRoot, 'bridges', bridge);
