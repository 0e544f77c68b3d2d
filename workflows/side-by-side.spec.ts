import { AT_ONCE, runsOf, sideBySide } from './side-by-side';

describe('sideBySide', () => {
  it('starts a group together and the next group only when the first has ended', async () => {
    const log: string[] = [];
    let running = 0;
    let most = 0;
    const items = Array.from({ length: AT_ONCE * 2 + 3 }, (_, i) => i);
    await sideBySide(items, async (i) => {
      running += 1;
      most = Math.max(most, running);
      log.push(`start ${i}`);
      // Later items of a group end first: the group still waits for all of it.
      await new Promise((resolve) => setTimeout(resolve, (AT_ONCE - (i % AT_ONCE)) * 2));
      log.push(`end ${i}`);
      running -= 1;
    });
    expect(most).toBe(AT_ONCE);
    expect(log.filter((l) => l.startsWith('end')).length).toBe(items.length);
    // No item of the second group starts before every item of the first has ended.
    const firstOfSecond = log.indexOf(`start ${AT_ONCE}`);
    for (let i = 0; i < AT_ONCE; i++) expect(log.indexOf(`end ${i}`)).toBeLessThan(firstOfSecond);
    // Within a group, items start in their order.
    expect(log.slice(0, AT_ONCE)).toEqual(items.slice(0, AT_ONCE).map((i) => `start ${i}`));
  });

  it('does nothing for no items, and fails as the failing item does', async () => {
    await expect(sideBySide([], async () => undefined)).resolves.toBeUndefined();
    await expect(
      sideBySide([1, 2, 3], async (i) => {
        if (i === 2) throw new Error('two failed');
      }),
    ).rejects.toThrow('two failed');
  });
});

describe('runsOf', () => {
  const mail = (n: number) => ({ kind: 'notify', n });
  const pkg = { kind: 'package', n: 0 };
  const isMail = (t: { kind: string }) => t.kind === 'notify';

  it('puts neighbours that may go together in one run and every other item alone', () => {
    expect(runsOf([mail(1), mail(2), pkg, mail(3), pkg, pkg, mail(4)], isMail)).toEqual([
      [mail(1), mail(2)],
      [pkg],
      [mail(3)],
      [pkg],
      [pkg],
      [mail(4)],
    ]);
  });

  it('keeps every item, in order', () => {
    expect(runsOf([], isMail)).toEqual([]);
    expect(runsOf([pkg], isMail)).toEqual([[pkg]]);
    expect(runsOf([mail(1), mail(2), mail(3)], isMail)).toEqual([[mail(1), mail(2), mail(3)]]);
  });
});
