import type { SnapshotRow } from '../entities/snapshot-row';

/**
 * Snapshots parsed once per version: a row's JSON is parsed again only when its
 * workflow has written a newer version. Keys are the row's ids (programme and
 * sub-analysis or meeting).
 */
export class ParsedSnapshots<T> {
  private readonly rows = new Map<string, { version: number; snapshot: T }>();

  /** The parsed snapshot of a row, from the cache while its version is current. */
  parse(key: readonly string[], row: SnapshotRow): T {
    const id = key.join('\u0000');
    const hit = this.rows.get(id);
    if (hit && hit.version >= row.version) return hit.snapshot;
    const snapshot = JSON.parse(row.snapshot) as T;
    this.rows.set(id, { version: row.version, snapshot });
    return snapshot;
  }

  /** What is cached for a key, with the version it was parsed at. */
  cached(key: readonly string[]): { version: number; snapshot: T } | undefined {
    return this.rows.get(key.join('\u0000'));
  }
}
