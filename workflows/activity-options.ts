/**
 * How workflows call activities, by the kind of work: the same options wherever the
 * same kind of activity is called.
 */
import type { ActivityOptions } from '@temporalio/workflow';

/**
 * Sending e-mail: the activity heartbeats while it sends, so a worker dying mid-send
 * is noticed within seconds and another one retries (the outbox keeps it to once).
 */
export const SENDING: ActivityOptions = {
  startToCloseTimeout: '1 minute',
  heartbeatTimeout: '5 seconds',
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '10 minutes' },
};

/** Writing the read model: quick, retried quickly, since an Update waits for it. */
export const RECORDING: ActivityOptions = {
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
};

/** Making documents (PDFs, zips): heavier, with time for a large package. */
export const DOCUMENTS: ActivityOptions = {
  startToCloseTimeout: '5 minutes',
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '10 minutes' },
};

/**
 * Sending a batch of e-mails (workflows/sending.ts): the same, with a single send's
 * minute for each of the batch's at most 25.
 */
export const SENDING_TOGETHER: ActivityOptions = { ...SENDING, startToCloseTimeout: '25 minutes' };
