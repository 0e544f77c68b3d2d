// "Mine" and "Alle" on the overview: a lead or owner sees their own sub-analyses first,
// and may show everyone's. The choice hides rows; nothing is fetched again.
import { h, nextId } from './dom.js';
import { rolesIn } from './people.js';
import { FILTER_LABEL } from './texts.js';

/** The sub-analyses the person leads or owns in the programme. */
export function ownSubAnalyses(me, programme) {
  return new Set(
    rolesIn(me, programme)
      .filter((r) => r.role === 'project-lead' || r.role === 'project-owner')
      .map((r) => r.subAnalysis),
  );
}

/**
 * Radio buttons that show only the rows of `tbody` whose data-sub is in `own` ("Mine",
 * the default) or every row ("Alle"). Undefined when the person leads nothing here.
 */
export function mineFilter(own, tbody) {
  if (own.size === 0) return undefined;
  const name = nextId('filter');
  const apply = (mine) => {
    for (const row of tbody.querySelectorAll('tr[data-sub]')) row.hidden = mine && !own.has(row.dataset.sub);
  };
  const option = (value, label, checked) => {
    const id = `${name}-${value}`;
    return h(
      'span',
      { class: 'filter-option' },
      h('input', {
        type: 'radio',
        id,
        name,
        value,
        checked,
        onchange: (event) => apply(event.currentTarget.value === 'mine'),
      }),
      h('label', { for: id }, label),
    );
  };
  apply(true);
  return h(
    'fieldset',
    { class: 'filter' },
    h('legend', {}, FILTER_LABEL.legend),
    option('mine', FILTER_LABEL.mine, true),
    option('all', FILTER_LABEL.all, false),
  );
}
