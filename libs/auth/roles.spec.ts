import { PeopleDefinition, indexProgramme, normalizeEmail, rolesIn } from './roles';

const definition: PeopleDefinition = {
  id: 'p1',
  people: {
    sek: { name: 'Sekretariatet', email: 'Sekretariat@Example.org' },
    direktor: { name: 'Direktør', email: 'direktor@example.org' },
    udvalg: { name: 'Udvalgsmedlem', email: 'udvalg@example.org' },
    ejer: { name: 'Ejer', email: 'ejer@example.org' },
    leder1: { name: 'Leder 1', email: 'leder1@example.org' },
    leder2: { name: 'Leder 2', email: 'leder2@example.org' },
    alias: { name: 'Leder 1 igen', email: 'LEDER1@example.org' },
  },
  secretariat: ['sek'],
  steeringGroup: { members: ['direktor', 'sek'] },
  committee: { members: ['udvalg'] },
  subAnalyses: [
    { id: 'sbv', projectOwner: 'ejer', projectLeads: ['leder1'] },
    { id: 'oko', projectOwner: 'leder1', projectLeads: ['leder2', 'alias'] },
  ],
};

describe('roles from a programme definition', () => {
  it('gives the secretariat, steering group and committee their roles', () => {
    expect(rolesIn(definition, 'direktor@example.org')).toEqual([{ programme: 'p1', role: 'steering-group' }]);
    expect(rolesIn(definition, 'udvalg@example.org')).toEqual([{ programme: 'p1', role: 'committee' }]);
    expect(rolesIn(definition, 'sekretariat@example.org')).toEqual([
      { programme: 'p1', role: 'secretariat' },
      { programme: 'p1', role: 'steering-group' },
    ]);
  });

  it('gives leads and owners their role per sub-analysis', () => {
    expect(rolesIn(definition, 'ejer@example.org')).toEqual([
      { programme: 'p1', role: 'project-owner', subAnalysis: 'sbv' },
    ]);
    expect(rolesIn(definition, 'leder2@example.org')).toEqual([
      { programme: 'p1', role: 'project-lead', subAnalysis: 'oko' },
    ]);
  });

  it('matches e-mail case-insensitively, and two keys with one address are one person without duplicate roles', () => {
    expect(rolesIn(definition, '  Leder1@EXAMPLE.org ')).toEqual([
      { programme: 'p1', role: 'project-lead', subAnalysis: 'sbv' },
      { programme: 'p1', role: 'project-lead', subAnalysis: 'oko' },
      { programme: 'p1', role: 'project-owner', subAnalysis: 'oko' },
    ]);
    const index = indexProgramme(definition);
    expect(index.people.get('leder1@example.org')).toEqual({ email: 'leder1@example.org', name: 'Leder 1' });
    expect(index.people.get('sekretariat@example.org')?.name).toBe('Sekretariatet');
  });

  it('knows people who hold no role, and gives strangers nothing', () => {
    const withBystander = { ...definition, people: { ...definition.people, x: { name: 'X', email: 'x@example.org' } } };
    expect(indexProgramme(withBystander).people.has('x@example.org')).toBe(true);
    expect(rolesIn(withBystander, 'x@example.org')).toEqual([]);
    expect(rolesIn(definition, 'nobody@example.org')).toEqual([]);
  });

  it('tolerates missing and malformed parts without granting anything from them', () => {
    expect(indexProgramme({ id: 'empty' })).toEqual({ programme: 'empty', people: new Map(), roles: new Map() });
    const odd = {
      id: 'odd',
      people: { a: { name: 'A', email: 'a@example.org' }, b: { name: 'B' }, c: null },
      secretariat: 'a',
      steeringGroup: {},
      committee: { members: ['a', 'missing-key', 42] },
      subAnalyses: [null, { id: 's', projectLeads: ['b'] }],
    } as unknown as PeopleDefinition;
    const index = indexProgramme(odd);
    expect([...index.people.keys()]).toEqual(['a@example.org']);
    expect(index.roles.get('a@example.org')).toEqual([{ programme: 'odd', role: 'committee' }]);
  });

  it('normalizes e-mail addresses', () => {
    expect(normalizeEmail(' Anne@Example.ORG ')).toBe('anne@example.org');
  });
});
