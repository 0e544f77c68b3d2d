import type { RoleAssignment } from './roles';
import { AccessRule, describeRules, misconfiguration, permits } from './rules';

const person = (...roles: RoleAssignment[]) => ({ admin: false, roles });
const secretariat = person({ programme: 'p1', role: 'secretariat' });
const leadSbv = person({ programme: 'p1', role: 'project-lead', subAnalysis: 'sbv' });
const ownerSbv = person({ programme: 'p1', role: 'project-owner', subAnalysis: 'sbv' });
const steering = person({ programme: 'p1', role: 'steering-group' });
const committee = person({ programme: 'p1', role: 'committee' });
const elsewhere = person({ programme: 'p2', role: 'secretariat' });
const nobody = person();
const admin = { admin: true, roles: [] };

const here = { programme: 'p1', subAnalysis: 'sbv' };

describe('access rules', () => {
  it.each<[AccessRule, { admin: boolean; roles: RoleAssignment[] }[], { admin: boolean; roles: RoleAssignment[] }[]]>([
    ['admin', [admin], [secretariat, leadSbv, steering, committee, nobody]],
    ['authenticated', [admin, secretariat, nobody, elsewhere], []],
    ['reader', [admin, secretariat, leadSbv, ownerSbv, steering, committee], [elsewhere, nobody]],
    // The team: a lead of any sub-analysis reads the programme's working detail, not just their own.
    ['team', [admin, secretariat, leadSbv, ownerSbv], [steering, committee, elsewhere, nobody]],
    ['secretariat', [admin, secretariat], [leadSbv, ownerSbv, steering, committee, elsewhere, nobody]],
    ['lead', [admin, leadSbv, ownerSbv], [secretariat, steering, committee, elsewhere, nobody]],
    ['steering', [admin, steering], [secretariat, leadSbv, committee, elsewhere, nobody]],
    ['committee', [admin, committee], [secretariat, leadSbv, steering, elsewhere, nobody]],
  ])('%s lets the right people through', (rule, allowed, refused) => {
    for (const p of allowed) expect(permits([rule], p, here)).toBe(true);
    for (const p of refused) expect(permits([rule], p, here)).toBe(false);
  });

  it('never lets a lead of one sub-analysis act on another', () => {
    expect(permits(['lead'], leadSbv, { programme: 'p1', subAnalysis: 'oko' })).toBe(false);
    expect(permits(['lead'], ownerSbv, { programme: 'p1', subAnalysis: 'oko' })).toBe(false);
    expect(permits(['lead'], leadSbv, { programme: 'p1' })).toBe(false);
  });

  it('holds roles to their programme', () => {
    const leadElsewhere = person({ programme: 'p2', role: 'project-lead', subAnalysis: 'sbv' });
    expect(permits(['lead'], leadElsewhere, here)).toBe(false);
    expect(permits(['secretariat'], secretariat, { programme: 'p2' })).toBe(false);
  });

  it('lets a request through when any one rule matches, and nobody but the admin with no rules', () => {
    expect(permits(['steering', 'secretariat'], secretariat, here)).toBe(true);
    expect(permits(['steering', 'secretariat'], committee, here)).toBe(false);
    expect(permits([], secretariat, here)).toBe(false);
  });

  it('grants programme rules nothing on a route without a programme', () => {
    expect(permits(['reader'], secretariat, {})).toBe(false);
  });

  it('says who may do something', () => {
    expect(describeRules(['secretariat'], here)).toBe(
      'Only the secretariat or the admin of programme "p1" may do this',
    );
    expect(describeRules(['steering', 'secretariat'], here)).toBe(
      'Only steering group members, the secretariat or the admin of programme "p1" may do this',
    );
    expect(describeRules(['admin'], {})).toBe('Only the admin may do this');
  });

  it('finds rules that cannot work on their route', () => {
    expect(misconfiguration(['secretariat'], ['id'])).toBeUndefined();
    expect(misconfiguration(['lead'], ['id', 'sid'])).toBeUndefined();
    expect(misconfiguration(['admin', 'authenticated'], [])).toBeUndefined();
    expect(misconfiguration(['reader'], [])).toMatch(/:id/);
    expect(misconfiguration(['lead'], ['id'])).toMatch(/:sid/);
    expect(misconfiguration(['boss' as AccessRule], ['id'])).toMatch(/unknown/);
  });
});
