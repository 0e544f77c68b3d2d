/** What the workflows have written to the read model, for waiting on set-up. */
import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SubAnalysisStateEntity } from '../../libs/persistence';
import type { SubAnalysisSnapshot } from '../../libs/read-model/contract';

/** The number of sub-analyses of a programme whose snapshot shows every listed phase active. */
export async function subAnalysesWithActivePhases(
  api: INestApplication,
  programmeId: string,
  codes: readonly string[],
): Promise<number> {
  const rows = await api.get(DataSource).getRepository(SubAnalysisStateEntity).findBy({ programmeId });
  return rows.filter((row) => {
    const snapshot = JSON.parse(row.snapshot) as SubAnalysisSnapshot;
    return codes.every((code) => snapshot.phases.find((p) => p.code === code)?.state === 'active');
  }).length;
}
