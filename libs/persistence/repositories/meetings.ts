import { type DataSource, Like } from 'typeorm';
import type { MeetingSnapshot } from '../../read-model/meeting';
import { MeetingStateEntity } from '../entities/meeting-state.entity';
import { ParsedSnapshots } from './parsed-snapshots';

/**
 * The meetings' read model as readers see it: the latest snapshot each meeting
 * workflow wrote (activities/read-model writes them). Parsed
 * snapshots are kept by version, so a row's text is parsed again only when it moved on.
 */
export class Meetings {
  private readonly parsedRows = new ParsedSnapshots<MeetingSnapshot>();

  constructor(private readonly dataSource: DataSource) {}

  private get repo() {
    return this.dataSource.getRepository(MeetingStateEntity);
  }

  /** One meeting's latest snapshot; undefined when its workflow has written none yet. */
  async snapshot(programmeId: string, meetingId: string): Promise<MeetingSnapshot | undefined> {
    const row = await this.repo.findOneBy({ programmeId, meetingId });
    return row ? this.parsed(row) : undefined;
  }

  /** Every meeting of a programme that has a snapshot, by meeting id. */
  async snapshots(programmeId: string): Promise<Map<string, MeetingSnapshot>> {
    const rows = await this.repo.findBy({ programmeId });
    return new Map(rows.map((row) => [row.meetingId, this.parsed(row)]));
  }

  /**
   * Whether any meeting's snapshot mentions a stored file (a version, an agenda, a
   * package, a protocol): such a file must stay in the store. A SHA-256 in hex cannot
   * occur in a snapshot by accident, so a text search is exact enough.
   */
  async referencesFile(sha256: string): Promise<boolean> {
    if (!/^[0-9a-f]{64}$/.test(sha256)) return false;
    return this.repo.existsBy({ snapshot: Like(`%${sha256}%`) });
  }

  private parsed(row: MeetingStateEntity): MeetingSnapshot {
    return this.parsedRows.parse([row.programmeId, row.meetingId], row);
  }
}
