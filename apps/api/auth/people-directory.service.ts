import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
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
 * People and their roles, from the stored programme definitions. Definitions are read
 * on every call so a changed or added programme counts at once; the parsed index is
 * cached per programme and reused while its definition text is unchanged. There are
 * few programmes (a handful per municipality), so reading them all is cheap.
 */
@Injectable()
export class PeopleDirectory {
  private readonly logger = new Logger('PeopleDirectory');
  private readonly cache = new Map<string, { definition: string; people: ProgrammePeople }>();

  constructor(private readonly dataSource: DataSource) {}

  async programmes(): Promise<ProgrammePeople[]> {
    const rows = await this.dataSource
      .getRepository(ProgrammeEntity)
      .find({ select: { id: true, definition: true }, order: { id: 'ASC' } });
    const ids = new Set(rows.map((r) => r.id));
    for (const id of this.cache.keys()) if (!ids.has(id)) this.cache.delete(id);
    return rows.map((row) => this.index(row));
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

  private index(row: Pick<ProgrammeEntity, 'id' | 'definition'>): ProgrammePeople {
    const cached = this.cache.get(row.id);
    if (cached && cached.definition === row.definition) return cached.people;
    let parsed: unknown;
    try {
      parsed = JSON.parse(row.definition);
    } catch {
      // Definitions are validated before they are stored, so this is damage; nobody gets a role from it.
      this.logger.error(`The stored definition of programme "${row.id}" is not JSON; it grants no roles`);
    }
    const definition = (parsed !== null && typeof parsed === 'object' ? parsed : {}) as Partial<PeopleDefinition>;
    // The row's id is the programme's identity, whatever the JSON says.
    const people = indexProgramme({ ...definition, id: row.id });
    this.cache.set(row.id, { definition: row.definition, people });
    return people;
  }
}
