/**
 * Who holds which role in a programme, read from its definition. Pure: no I/O, so it
 * is shared by the API's guard and anything else that needs to know who someone is.
 *
 * The definition is typed here with only the fields this module reads, instead of
 * libs/plan's full type, so the two can evolve separately. Stored definitions are
 * validated, but this module still tolerates missing or odd fields: a role lookup must
 * never crash a request.
 */

/** The roles a person can hold in one programme. Admin is not one: it is global. */
export type ProgrammeRole = 'secretariat' | 'project-lead' | 'project-owner' | 'steering-group' | 'committee';

export interface RoleAssignment {
  programme: string;
  role: ProgrammeRole;
  /** Set for project-lead and project-owner: the sub-analysis the role is for. */
  subAnalysis?: string;
}

export interface PersonEntry {
  name?: unknown;
  email?: unknown;
}

/** The parts of a programme definition that say who is who (see programme-format.md). */
export interface PeopleDefinition {
  id: string;
  people?: Record<string, PersonEntry | undefined>;
  secretariat?: readonly string[];
  steeringGroup?: { members?: readonly string[] };
  committee?: { members?: readonly string[] };
  subAnalyses?: ReadonlyArray<{ id: string; projectOwner?: string; projectLeads?: readonly string[] }>;
}

export interface Person {
  /** Lower-case, as people are matched by e-mail case-insensitively. */
  email: string;
  name: string;
}

/** Everyone a programme names and what each may be, by normalized e-mail. */
export interface ProgrammePeople {
  programme: string;
  people: Map<string, Person>;
  roles: Map<string, RoleAssignment[]>;
}

/** E-mail addresses are compared case-insensitively and without surrounding blanks. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Indexes one definition: every person it names, and every role they hold in it. */
export function indexProgramme(definition: PeopleDefinition): ProgrammePeople {
  const programme = definition.id;
  const people = new Map<string, Person>();
  const emailByKey = new Map<string, string>();
  for (const [key, entry] of Object.entries(asRecord(definition.people))) {
    if (!entry || typeof entry.email !== 'string' || entry.email.trim() === '') continue;
    const email = normalizeEmail(entry.email);
    emailByKey.set(key, email);
    // Two keys with one address are one person; the first key's name wins.
    if (!people.has(email)) people.set(email, { email, name: typeof entry.name === 'string' ? entry.name : email });
  }

  const roles = new Map<string, RoleAssignment[]>();
  const grant = (keys: readonly unknown[] | undefined, role: ProgrammeRole, subAnalysis?: string) => {
    for (const key of asArray(keys)) {
      const email = typeof key === 'string' ? emailByKey.get(key) : undefined;
      if (!email) continue;
      const list = roles.get(email) ?? [];
      const assignment: RoleAssignment =
        subAnalysis === undefined ? { programme, role } : { programme, role, subAnalysis };
      if (!list.some((r) => r.role === role && r.subAnalysis === subAnalysis)) list.push(assignment);
      roles.set(email, list);
    }
  };
  grant(definition.secretariat, 'secretariat');
  grant(definition.steeringGroup?.members, 'steering-group');
  grant(definition.committee?.members, 'committee');
  for (const sub of asArray(definition.subAnalyses)) {
    if (!sub || typeof sub.id !== 'string') continue;
    grant(sub.projectLeads, 'project-lead', sub.id);
    grant(sub.projectOwner === undefined ? [] : [sub.projectOwner], 'project-owner', sub.id);
  }
  return { programme, people, roles };
}

/** The roles `email` holds in the programme `definition` describes. */
export function rolesIn(definition: PeopleDefinition, email: string): RoleAssignment[] {
  return indexProgramme(definition).roles.get(normalizeEmail(email)) ?? [];
}

function asArray<T>(value: readonly T[] | undefined): readonly T[] {
  return Array.isArray(value) ? value : [];
}

function asRecord<T>(value: Record<string, T> | undefined): Record<string, T> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? value : {};
}
