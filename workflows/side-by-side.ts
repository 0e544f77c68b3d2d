/**
 * Work due at one wake-up that need not wait for itself: the e-mails of a weekly status
 * note round, the reminders to every lead whose material is missing. One after another,
 * a programme of 50 sub-analyses spent 50 activity round trips on each round; all at
 * once, a round would open 50 SMTP connections. So: side by side, a few at a time.
 *
 * Deterministic: the group's activities are scheduled together, in the items' order, and
 * what each does on completion happens in the order the history gives on replay too.
 */

/** How many go out together: small enough for any SMTP server's connection limit. */
export const AT_ONCE = 10;

/** Runs `act` on every item, `AT_ONCE` side by side, each group after the one before. */
export async function sideBySide<T>(items: readonly T[], act: (item: T) => Promise<void>): Promise<void> {
  for (let i = 0; i < items.length; i += AT_ONCE) {
    await Promise.all(items.slice(i, i + AT_ONCE).map(act));
  }
}

/**
 * The items cut into runs, in order: neighbours that may go `together` share a run, any
 * other item is a run of its own (it waits for what comes before it, and holds up what
 * comes after).
 */
export function runsOf<T>(items: readonly T[], together: (item: T) => boolean): T[][] {
  const runs: T[][] = [];
  let open: T[] | undefined;
  for (const item of items) {
    if (!together(item)) {
      runs.push([item]);
      open = undefined;
    } else if (open) {
      open.push(item);
    } else {
      open = [item];
      runs.push(open);
    }
  }
  return runs;
}
