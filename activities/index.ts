import type { DataSource } from 'typeorm';
import type { SporConfig } from '../libs/config';

/** What activities need from the process that hosts them. */
export interface ActivityDeps {
  dataSource: DataSource;
  config: SporConfig;
}

/** Every activity the worker offers, grouped by what they touch. */
export function createActivities(deps: ActivityDeps) {
  void deps;
  return {};
}

export type SporActivities = ReturnType<typeof createActivities>;
