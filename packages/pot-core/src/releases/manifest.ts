/**
 * The MANIFEST files of freebsd-release-manifests: one line per distribution
 * set, tab-separated: name, sha256, number of files, set, description, default
 * (`base.txz\t<sha256>\t<files>\tbase\t"Base system (MANDATORY)"\ton`).
 */

export interface ManifestEntry {
  readonly name: string;
  /** Lower case hex. */
  readonly sha256: string;
}

/** The entries with a well-formed sha256, in file order (blank and malformed lines are skipped). */
export function parseManifest(text: string): ManifestEntry[] {
  const out: ManifestEntry[] = [];
  for (const line of text.split('\n')) {
    const fields = line.includes('\t') ? line.split('\t') : line.trim().split(/\s+/);
    const [name, sha256] = fields;
    if (name === undefined || name === '' || sha256 === undefined) continue;
    if (!/^[0-9A-Fa-f]{64}$/.test(sha256.trim())) continue;
    out.push({ name: name.trim(), sha256: sha256.trim().toLowerCase() });
  }
  return out;
}

/** The sha256 the MANIFEST gives for a distribution set (`base.txz`); undefined when it has none. */
export function manifestSha256(text: string, set = 'base.txz'): string | undefined {
  return parseManifest(text).find((e) => e.name === set)?.sha256;
}
