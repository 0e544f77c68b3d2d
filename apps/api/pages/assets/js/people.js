// Roles and names: what a person may do in a programme, and how people are named.
import { ACTOR_ROLE, ROLE } from './texts.js';

export function rolesIn(me, programme) {
  return me.roles.filter((r) => r.programme === programme);
}

export function isSecretariat(me, programme) {
  return me.admin || rolesIn(me, programme).some((r) => r.role === 'secretariat');
}

/** A project lead or the owner of this sub-analysis (or the admin). */
export function leads(me, programme, sid) {
  return (
    me.admin ||
    rolesIn(me, programme).some(
      (r) => (r.role === 'project-lead' || r.role === 'project-owner') && r.subAnalysis === sid,
    )
  );
}

export function roleText(role, plan) {
  const name = ROLE[role.role] || role.role;
  if (!role.subAnalysis) return name;
  const sub = plan && plan.subAnalyses.find((s) => s.id === role.subAnalysis);
  return `${name} for ${sub ? sub.title : role.subAnalysis}`;
}

export function personName(plan, email) {
  if (!email) return '';
  if (email === 'spor') return 'Spor (automatisk)';
  if (email === 'admin') return 'Administrator';
  return (plan.people && plan.people[email.toLowerCase()]) || email;
}

/**
 * A person named with the role they act in on sub-analysis `sid`: 'Navn (projektejer)'.
 * As the API decides: the sub-analysis' lead or owner first, then the secretariat.
 */
export function actorText(plan, sid, email) {
  const name = personName(plan, email);
  const sub = plan.subAnalyses.find((s) => s.id === sid);
  const address = (email || '').toLowerCase();
  const role =
    sub && sub.projectLeads.includes(address)
      ? ACTOR_ROLE.lead
      : sub && sub.projectOwner === address
        ? ACTOR_ROLE.owner
        : (plan.secretariat || []).includes(address)
          ? ACTOR_ROLE.secretariat
          : undefined;
  return role ? `${name} (${role})` : name;
}
