/**
 * How a workflow's Update validators say no. The API's gateway maps them by type: a
 * refusal is 409 with the Danish reason, bad input is 400 with every problem by path.
 */
import { ApplicationFailure } from '@temporalio/common';
import type { Problem } from '../libs/plan/validate';

/** Not possible in the current state. */
export function refuse(reason: string): never {
  throw ApplicationFailure.nonRetryable(reason, 'Refused');
}

/** The input itself is wrong: `problems` by field path, `summary` says what was refused. */
export function badInput(summary: string, problems: Problem[]): never {
  throw ApplicationFailure.create({
    message: `${summary}: ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`,
    type: 'BadInput',
    nonRetryable: true,
    details: [problems],
  });
}
