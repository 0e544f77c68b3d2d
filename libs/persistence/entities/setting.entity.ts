import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Small key/value facts the installation keeps, e.g. the admin token's hash. */
@Entity('setting')
export class SettingEntity {
  @PrimaryColumn({ type: 'varchar', length: 100 })
  key!: string;

  @Column({ type: 'text' })
  value!: string;
}
