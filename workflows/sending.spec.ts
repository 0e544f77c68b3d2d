import { PER_ACTIVITY, batchesOf, runsOf } from './sending';

describe('batchesOf', () => {
  it('cuts the items into batches of at most the size, in order, every item once', () => {
    const items = Array.from({ length: PER_ACTIVITY * 2 + 3 }, (_, i) => i);
    const batches = batchesOf(items);
    expect(batches.map((b) => b.length)).toEqual([PER_ACTIVITY, PER_ACTIVITY, 3]);
    expect(batches.flat()).toEqual(items);
    expect(batchesOf([1, 2, 3], 2)).toEqual([[1, 2], [3]]);
  });

  it('makes no batch of nothing', () => {
    expect(batchesOf([])).toEqual([]);
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
