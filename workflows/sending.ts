/**
 * E-mails due at one wake-up that do not wait for each other: the requests of a weekly
 * status-note round, the reminders to every lead whose material is missing. One activity
 * per e-mail made a programme of 50 sub-analyses spend 50 activity round trips on every
 * round; sending them side by side would have put as many in the window between the SMTP
 * server's acceptance and the outbox's mark at a crash. So they go in batches, each one
 * activity (`sendNotifications`) that sends its e-mails one after another through the
 * outbox, as single ones go: one round trip per batch, one e-mail in that window.
 */

/** E-mails per activity: a batch gets a single send's minute for each (activity-options.ts). */
export const PER_ACTIVITY = 25;

/** The items in batches of at most `size`, in order. */
export function batchesOf<T>(items: readonly T[], size = PER_ACTIVITY): T[][] {
  const batches: T[][] = [];
  for (let i = 0; i < items.length; i += size) batches.push(items.slice(i, i + size));
  return batches;
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
