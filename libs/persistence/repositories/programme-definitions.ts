import type { DataSource, EntityManager } from 'typeorm';
import { type ProgrammeDefinition, type ProgrammePlan, computePlan } from '../../plan';
import { type PhaseWeeksChange, withPhaseWeeks } from '../../plan/changes';
import { ProgrammeEntity } from '../entities/programme.entity';

/** A programme's row but for its definition and source texts. */
export type ProgrammeMeta = Omit<ProgrammeEntity, 'definition' | 'source'>;

const META = {
  id: true,
  title: true,
  year: true,
  revision: true,
  createdAt: true,
  createdBy: true,
  startedAt: true,
} as const;

export interface ProgrammePlanEntry {
  revision: number;
  definition: ProgrammeDefinition;
  plan: ProgrammePlan;
}

/**
 * Programme definitions as stored. A plan is a pure function of its definition, so it
 * is computed once per programme revision and kept; only the small row is read each time.
 */
export class ProgrammeDefinitions {
  private readonly plans = new Map<string, ProgrammePlanEntry>();

  constructor(private readonly dataSource: DataSource) {}

  private get repo() {
    return this.dataSource.getRepository(ProgrammeEntity);
  }

  /** The row without its (possibly large) definition and source texts; null when there is none. */
  meta(id: string): Promise<ProgrammeMeta | null> {
    return this.repo.findOne({ select: META, where: { id } });
  }

  list(): Promise<ProgrammeMeta[]> {
    return this.repo.find({ select: META, order: { id: 'ASC' } });
  }

  exists(id: string): Promise<boolean> {
    return this.repo.existsBy({ id });
  }

  /** Stores a new definition; the database refuses a second row with the same id. */
  async insert(definition: ProgrammeDefinition, source: string | null, createdBy: string | null): Promise<void> {
    await this.repo.insert({
      id: definition.id,
      title: definition.title,
      year: definition.year,
      definition: JSON.stringify(definition),
      source,
      createdAt: new Date().toISOString(),
      createdBy,
      startedAt: null,
      revision: 0,
    });
  }

  async markStarted(id: string, at: string): Promise<void> {
    await this.repo.update({ id }, { startedAt: at });
  }

  /** The parsed definition and its plan, read and computed again only when the revision moved on. */
  async planOf(row: Pick<ProgrammeMeta, 'id' | 'revision'>): Promise<ProgrammePlanEntry> {
    const cached = this.plans.get(row.id);
    if (cached && cached.revision === row.revision) return cached;
    const { definition: text, revision } = await this.repo.findOneOrFail({
      select: { definition: true, revision: true },
      where: { id: row.id },
    });
    const definition = JSON.parse(text) as ProgrammeDefinition;
    const entry = { revision, definition, plan: computePlan(definition) };
    this.plans.set(row.id, entry);
    return entry;
  }

  /**
   * Applies a phase's new weeks to the stored definition and raises its revision, inside
   * the caller's transaction (the read model writes the snapshot in the same one).
   */
  static async changePhaseWeeks(
    tx: EntityManager,
    programmeId: string,
    subAnalysisId: string,
    code: string,
    change: PhaseWeeksChange,
  ): Promise<void> {
    const programmes = tx.getRepository(ProgrammeEntity);
    const programme = await programmes.findOneByOrFail({ id: programmeId });
    const definition = JSON.parse(programme.definition) as ProgrammeDefinition;
    const changed = withPhaseWeeks(definition, subAnalysisId, code, change);
    await programmes.update(
      { id: programmeId },
      { definition: JSON.stringify(changed), revision: () => 'revision + 1' },
    );
  }
}
