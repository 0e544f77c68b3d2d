import { inBothLanguages, summaryInBothLanguages, toDanish } from './translations';

describe('Danish for English texts from below the API, English for Danish refusals', () => {
  it('translates the plan library, zod and Nest texts, and leaves unknown ones as they are', () => {
    expect(toDanish('Must be a week or a range of weeks, such as "14" or "14-16".')).toBe(
      'Skal være en uge eller et interval af uger, fx "14" eller "14-16".',
    );
    expect(toDanish("Required field 'people' is missing. (line 3, column 1)")).toBe(
      "Feltet 'people' mangler. (linje 3, kolonne 1)",
    );
    expect(toDanish('Cannot DELETE /api/x')).toBe('DELETE /api/x findes ikke');
    expect(toDanish('A note has 1 to 600 characters')).toBe('En note har 1 til 600 tegn');
    expect(toDanish('Something nobody wrote a rule for')).toBe('Something nobody wrote a rule for');
  });

  it('gives the English of a Danish refusal and the Danish of an English one', () => {
    expect(inBothLanguages('Porten før fase 2B er allerede åben')).toEqual({
      da: 'Porten før fase 2B er allerede åben',
      en: 'The gate before phase 2B is open already',
    });
    expect(inBothLanguages('must say why')).toEqual({ da: 'skal begrundes', en: 'must say why' });
    const problems = [{ path: 'weeks', message: 'Must be a whole number of working days.' }];
    expect(summaryInBothLanguages(`Den ændrede plan er ikke gyldig: weeks: ${problems[0].message}`, problems)).toEqual({
      da: 'Den ændrede plan er ikke gyldig: weeks: Skal være et helt antal arbejdsdage.',
      en: 'The changed plan is not valid: weeks: Must be a whole number of working days.',
    });
  });
});
