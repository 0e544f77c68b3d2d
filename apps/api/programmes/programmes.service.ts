import {
  ConflictException,
  Inject,
  Injectable,
  Logger,
  NotFoundException,
  OnApplicationBootstrap,
} from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import type { SporConfig } from '../../../libs/config';
import { ProgrammeEntity } from '../../../libs/persistence';
import {
  ProgrammeDefinition,
  ProgrammePlan,
  ValidationResult,
  calendarOfDefinition,
  computePlan,
  parseDefinition,
  upcomingInstance,
  validateDefinition,
} from '../../../libs/plan';
import { loadDefaultProgramme } from '../../../libs/plan/default-programme';
import { BadInputException } from '../common/errors';
import { CONFIG } from '../common/tokens';

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

export interface ProgrammeView {
  id: string;
  title: string;
  year: number;
  startedAt: string | null;
  createdAt: string;
  definition: ProgrammeDefinition;
  plan: ProgrammePlan;
}

/** Media types a definition may be sent in; bootstrap.ts installs a body parser for each. */
export const DEFINITION_MEDIA_TYPES = [
  'application/json',
  'application/yaml',
  'application/x-yaml',
  'text/yaml',
  'text/plain',
] as const;

/** The programme table's title column; the format itself sets no limit. */
const MAX_TITLE_LENGTH = 300;

/** Reads a request body as a definition: a JSON object, or YAML/JSON text. */
export function checkDefinitionBody(body: unknown, contentType: string | undefined): ValidationResult {
  if (body === undefined || body === null || (typeof body === 'object' && Object.keys(body).length === 0)) {
    return {
      valid: false,
      errors: [{ path: '', message: 'The request has no definition in its body.' }],
      warnings: [],
    };
  }
  const result = typeof body === 'string' ? parseDefinition(body, contentType) : validateDefinition(body);
  // PostgreSQL refuses a longer title with an error; it must be a problem of the definition instead.
  if (result.definition && result.definition.title.length > MAX_TITLE_LENGTH) {
    return {
      valid: false,
      errors: [
        {
          path: 'title',
          message: `Must be at most ${MAX_TITLE_LENGTH} characters; it has ${result.definition.title.length}.`,
        },
      ],
      warnings: result.warnings,
    };
  }
  return result;
}

/** Programme definitions as stored, and their computed plans. */
@Injectable()
export class ProgrammesService implements OnApplicationBootstrap {
  private readonly logger = new Logger('Programmes');
  /** Plans are pure functions of stored definitions: computed once per programme revision. */
  private readonly plans = new Map<
    string,
    { revision: number; definition: ProgrammeDefinition; plan: ProgrammePlan }
  >();

  constructor(
    @InjectRepository(ProgrammeEntity) private readonly repo: Repository<ProgrammeEntity>,
    @Inject(CONFIG) private readonly config: SporConfig,
  ) {}

  /** The embedded default: the Aarhus programme for the next year it is still ahead in. */
  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.loadDefaultProgramme) return;
    const written = loadDefaultProgramme();
    // Today where the programme runs, not in UTC: its last meeting may be today there.
    const today = calendarOfDefinition(written).dateOf(Date.now());
    const definition = upcomingInstance(written, today);
    if (await this.repo.existsBy({ id: definition.id })) return;
    await this.repo.insert(this.toEntity(definition, null, null)).catch((err: Error) => {
      // Two processes booting at once: the other one won.
      if (!/unique|duplicate|constraint/i.test(err.message)) throw err;
    });
    this.logger.log(`Loaded the default programme ${definition.id}`);
  }

  async create(body: unknown, contentType: string | undefined, createdBy: string | null): Promise<ProgrammeView> {
    const result = checkDefinitionBody(body, contentType);
    if (!result.valid || !result.definition) {
      throw new BadInputException(result.errors, `The definition has ${result.errors.length} problem(s)`);
    }
    const definition = result.definition;
    if (await this.repo.existsBy({ id: definition.id })) {
      throw new ConflictException(`A programme with id "${definition.id}" exists already`);
    }
    const source = typeof body === 'string' ? body : null;
    try {
      await this.repo.insert(this.toEntity(definition, source, createdBy));
    } catch (err) {
      if (/unique|duplicate|constraint/i.test((err as Error).message)) {
        throw new ConflictException(`A programme with id "${definition.id}" exists already`);
      }
      throw err;
    }
    return this.get(definition.id);
  }

  async list(visible?: (id: string) => boolean): Promise<Omit<ProgrammeView, 'definition'>[]> {
    const rows = await this.repo.find({ select: META, order: { id: 'ASC' } });
    const views = await Promise.all(rows.filter((r) => !visible || visible(r.id)).map((r) => this.view(r)));
    return views.map(({ definition: _d, ...view }) => view);
  }

  async get(id: string): Promise<ProgrammeView> {
    return this.view(await this.entity(id));
  }

  /** The programme's row without its (possibly large) definition and source texts. */
  async entity(id: string): Promise<ProgrammeMeta> {
    const row = await this.repo.findOne({ select: META, where: { id } });
    if (!row) throw new NotFoundException(`No programme with id "${id}"`);
    return row;
  }

  async planOf(id: string): Promise<{ definition: ProgrammeDefinition; plan: ProgrammePlan; entity: ProgrammeMeta }> {
    const entity = await this.entity(id);
    return { ...(await this.compute(entity)), entity };
  }

  async markStarted(id: string, at: string): Promise<void> {
    await this.repo.update({ id }, { startedAt: at });
  }

  private async view(row: ProgrammeMeta): Promise<ProgrammeView> {
    const { definition, plan } = await this.compute(row);
    return {
      id: row.id,
      title: row.title,
      year: row.year,
      startedAt: row.startedAt,
      createdAt: row.createdAt,
      definition,
      plan,
    };
  }

  /** The parsed definition and its plan, read and computed again only when the revision moved on. */
  private async compute(row: ProgrammeMeta): Promise<{ definition: ProgrammeDefinition; plan: ProgrammePlan }> {
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

  private toEntity(definition: ProgrammeDefinition, source: string | null, createdBy: string | null): ProgrammeEntity {
    return Object.assign(new ProgrammeEntity(), {
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
}
