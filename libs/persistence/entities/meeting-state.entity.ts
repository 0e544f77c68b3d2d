import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The read model of one committee meeting: the latest snapshot its workflow wrote
 * (deliverables with every version's metadata, agenda, package, decisions).
 */
@Entity('meeting_state')
export class MeetingStateEntity {
  @PrimaryColumn({ name: 'programme_id', type: 'varchar', length: 64 })
  programmeId!: string;

  @PrimaryColumn({ name: 'meeting_id', type: 'varchar', length: 64 })
  meetingId!: string;

  /** Grows with every change; a write with an older version is ignored (retries arrive late). */
  @Column({ type: 'integer' })
  version!: number;

  /** The snapshot as JSON (libs/read-model/meeting.ts MeetingSnapshot). */
  @Column({ type: 'text' })
  snapshot!: string;

  @Column({ name: 'updated_at', type: 'varchar', length: 40 })
  updatedAt!: string;
}
