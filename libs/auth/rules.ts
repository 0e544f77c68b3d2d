import type { RoleAssignment } from './roles';

/**
 * Access rules an endpoint can name; one that matches lets the request through.
 * - admin: the admin token only;
 * - authenticated: anyone with a valid token;
 * - reader: anyone with a role in the route's programme (`:id`);
 * - team: those who run the programme's work there: the secretariat, and the project
 *   leads and owners of any of its sub-analyses (not the steering group or committee,
 *   who read only their part: status and reports, meetings and packages);
 * - secretariat / steering / committee: that role in the route's programme;
 * - lead: a project lead or the project owner of the route's sub-analysis (`:sid`) in
 *   the route's programme; being a lead of another sub-analysis does not count.
 * The admin passes every rule.
 */
export const ACCESS_RULES = [
  'admin',
  'authenticated',
  'reader',
  'team',
  'secretariat',
  'lead',
  'steering',
  'committee',
] as const;
export type AccessRule = (typeof ACCESS_RULES)[number];

/** Rules that are about one programme: the route must carry its id as `:id`. */
export const PROGRAMME_RULES: readonly AccessRule[] = [
  'reader',
  'team',
  'secretariat',
  'lead',
  'steering',
  'committee',
];

/** Route parameter names the rules read. */
export const PROGRAMME_PARAM = 'id';
export const SUB_ANALYSIS_PARAM = 'sid';

export interface Principal {
  admin: boolean;
  roles: readonly RoleAssignment[];
}

export interface AccessTarget {
  programme?: string;
  subAnalysis?: string;
}

/** Whether `principal` may use an endpoint with `rules` on `target`. No rules: nobody may. */
export function permits(rules: readonly AccessRule[], principal: Principal, target: AccessTarget): boolean {
  if (principal.admin) return true;
  return rules.some((rule) => matches(rule, principal.roles, target));
}

function matches(rule: AccessRule, roles: readonly RoleAssignment[], target: AccessTarget): boolean {
  if (rule === 'authenticated') return true;
  if (rule === 'admin') return false;
  // A programme rule without a programme to check against grants nothing.
  if (target.programme === undefined) return false;
  const here = roles.filter((r) => r.programme === target.programme);
  switch (rule) {
    case 'reader':
      return here.length > 0;
    case 'team':
      return here.some((r) => r.role === 'secretariat' || r.role === 'project-lead' || r.role === 'project-owner');
    case 'secretariat':
      return here.some((r) => r.role === 'secretariat');
    case 'steering':
      return here.some((r) => r.role === 'steering-group');
    case 'committee':
      return here.some((r) => r.role === 'committee');
    case 'lead':
      return (
        target.subAnalysis !== undefined &&
        here.some(
          (r) => (r.role === 'project-lead' || r.role === 'project-owner') && r.subAnalysis === target.subAnalysis,
        )
      );
  }
}

/** A sentence naming who may do something, for a 403's message. */
export function describeRules(rules: readonly AccessRule[], target: AccessTarget): string {
  const who = rules.map((rule) => {
    switch (rule) {
      case 'admin':
        return 'the admin';
      case 'authenticated':
        return 'anyone signed in';
      case 'reader':
        return 'people with a role in the programme';
      case 'team':
        return 'the secretariat, project leads and project owners';
      case 'secretariat':
        return 'the secretariat';
      case 'steering':
        return 'steering group members';
      case 'committee':
        return 'committee members';
      case 'lead':
        return `project leads and the project owner of sub-analysis "${target.subAnalysis ?? '?'}"`;
    }
  });
  if (!rules.includes('admin')) who.push('the admin');
  const list = who.length > 1 ? `${who.slice(0, -1).join(', ')} or ${who[who.length - 1]}` : who[0];
  return target.programme === undefined
    ? `Only ${list} may do this`
    : `Only ${list} of programme "${target.programme}" may do this`;
}

/**
 * Why a route's rules cannot work, if they cannot: a programme rule on a route without
 * `:id`, or 'lead' without `:sid`. Checked when the API starts, so a slip shows at once.
 */
export function misconfiguration(rules: readonly AccessRule[], paramNames: readonly string[]): string | undefined {
  const unknown = rules.filter((r) => !(ACCESS_RULES as readonly string[]).includes(r));
  if (unknown.length) return `unknown access rule(s) ${unknown.join(', ')}`;
  if (rules.some((r) => PROGRAMME_RULES.includes(r)) && !paramNames.includes(PROGRAMME_PARAM)) {
    return `rules ${rules.join(', ')} need the programme id as :${PROGRAMME_PARAM} in the path`;
  }
  if (rules.includes('lead') && !paramNames.includes(SUB_ANALYSIS_PARAM)) {
    return `rule 'lead' needs the sub-analysis id as :${SUB_ANALYSIS_PARAM} in the path`;
  }
  return undefined;
}
