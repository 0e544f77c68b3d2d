import { isSamePhaseWeeks, withPhaseWeeks } from './changes';
import { defaultDefinition } from './test-fixtures';

describe('plan changes', () => {
  const def = defaultDefinition();
  const sbv = def.subAnalyses[0];
  const phase = sbv.phases[1];

  it('knows a change to the weeks a phase has for no change', () => {
    expect(isSamePhaseWeeks(def, sbv.id, phase.code, { weeks: String(phase.weeks) })).toBe(true);
    expect(isSamePhaseWeeks(def, sbv.id, phase.code, { weeks: ` ${String(phase.weeks).replace('-', ' - ')} ` })).toBe(
      true,
    );
    expect(isSamePhaseWeeks(def, sbv.id, phase.code, { weeks: '40-41' })).toBe(false);
    expect(isSamePhaseWeeks(def, sbv.id, 'no-such-phase', { weeks: String(phase.weeks) })).toBe(false);
  });

  it('compares from and to as written', () => {
    const moved = withPhaseWeeks(def, sbv.id, phase.code, { from: '2025-W50', to: '2026-W02' });
    expect(isSamePhaseWeeks(moved, sbv.id, phase.code, { from: '2025-W50', to: '2026-W02' })).toBe(true);
    expect(isSamePhaseWeeks(moved, sbv.id, phase.code, { from: '2025-W50', to: '2026-W03' })).toBe(false);
    expect(isSamePhaseWeeks(moved, sbv.id, phase.code, { weeks: '50' })).toBe(false);
  });
});
