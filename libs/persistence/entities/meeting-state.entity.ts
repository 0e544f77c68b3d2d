import { Entity, PrimaryColumn } from 'typeorm';
import { SnapshotRow } from './snapshot-row';

/**
 * The read model of one committee meeting: the latest snapshot its workflow wrote
 * (deliverables with every version's metadata, agenda, package, decisions).
 */
@Entity('meeting_state')
export class MeetingStateEntity extends SnapshotRow {
  @PrimaryColumn({ name: 'programme_id', type: 'varchar', length: 64 })
  programmeId!: string;

  @PrimaryColumn({ name: 'meeting_id', type: 'varchar', length: 64 })
  meetingId!: string;
}
