import { Injectable, Logger } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import {
  PeopleDefinition,
  Person,
  ProgrammePeople,
  RoleAssignment,
  indexProgramme,
  normalizeEmail,
} from '../../../libs/auth';
import { ProgrammeEntity } from '../../../libs/persistence';

/**
 * People and their roles, from the stored programme definitions. Every call asks which
 * programmes exist and at which revision, so a changed or added programme counts at
 * once; a definition is read and indexed again only when its revision has moved on.
 */
@Injectable()
export class PeopleDirectory {
  private readonly logger = new Logger('PeopleDirectory');
  private readonly cache = new Map<string, { revision: number; people: ProgrammePeople }>();

  constructor(private readonly dataSource: DataSource) {}

  async programmes(): Promise<ProgrammePeople[]> {
    const repo = this.dataSource.getRepository(ProgrammeEntity);
    const rows = await repo.find({ select: { id: true, revision: true }, order: { id: 'ASC' } });
    const ids = new Set(rows.map((r) => r.id));
    for (const id of this.cache.keys()) if (!ids.has(id)) this.cache.delete(id);
    const stale = rows.filter((r) => this.cache.get(r.id)?.revision !== r.revision).map((r) => r.id);
    if (stale.length) {
      const texts = await repo.find({
        select: { id: true, revision: true, definition: true },
        where: { id: In(stale) },
      });
      for (const row of texts) this.index(row);
    }
    return rows.flatMap((r) => this.cache.get(r.id)?.people ?? []);
  }

  async programmeExists(id: string): Promise<boolean> {
    return this.dataSource.getRepository(ProgrammeEntity).existsBy({ id });
  }

  /** Every role `email` holds, programme by programme. */
  async rolesOf(email: string): Promise<RoleAssignment[]> {
    const key = normalizeEmail(email);
    return (await this.programmes()).flatMap((p) => p.roles.get(key) ?? []);
  }

  /** The person with this e-mail in any programme (their name from the first, by id), if any. */
  async person(email: string): Promise<Person | undefined> {
    const key = normalizeEmail(email);
    for (const programme of await this.programmes()) {
      const person = programme.people.get(key);
      if (person) return person;
    }
    return undefined;
  }

  private index(row: Pick<ProgrammeEntity, 'id' | 'revision' | 'definition'>): void {
    let parsed: unknown;
    try {
      parsed = JSON.parse(row.definition);
    } catch {
      // Definitions are validated before they are stored, so this is damage; nobody gets a role from it.
      this.logger.error(`The stored definition of programme "${row.id}" is not JSON; it grants no roles`);
    }
    const definition = (parsed !== null && typeof parsed === 'object' ? parsed : {}) as Partial<PeopleDefinition>;
    // The row's id is the programme's identity, whatever the JSON says.
    this.cache.set(row.id, { revision: row.revision, people: indexProgramme({ ...definition, id: row.id }) });
  }
}
