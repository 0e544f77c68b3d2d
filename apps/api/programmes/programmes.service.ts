import {
  ConflictException,
  Inject,
  Injectable,
  Logger,
  NotFoundException,
  OnApplicationBootstrap,
} from '@nestjs/common';
import type { SporConfig } from '../../../libs/config';
import { ProgrammeDefinitions, type ProgrammeMeta } from '../../../libs/persistence/repositories';
import {
  ProgrammeDefinition,
  ProgrammePlan,
  ValidationResult,
  calendarOfDefinition,
  parseDefinition,
  upcomingInstance,
  validateDefinition,
} from '../../../libs/plan';
import { loadDefaultProgramme } from '../../../libs/plan/default-programme';
import { BadInputException } from '../common/errors';
import { CONFIG } from '../common/tokens';

export type { ProgrammeMeta } from '../../../libs/persistence/repositories';

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

  constructor(
    private readonly definitions: ProgrammeDefinitions,
    @Inject(CONFIG) private readonly config: SporConfig,
  ) {}

  /** The embedded default: the Aarhus programme for the next year it is still ahead in. */
  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.loadDefaultProgramme) return;
    const written = loadDefaultProgramme();
    // Today where the programme runs, not in UTC: its last meeting may be today there.
    const today = calendarOfDefinition(written).dateOf(Date.now());
    const definition = upcomingInstance(written, today);
    if (await this.definitions.exists(definition.id)) return;
    await this.definitions.insert(definition, null, null).catch((err: Error) => {
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
    if (await this.definitions.exists(definition.id)) {
      throw new ConflictException(`A programme with id "${definition.id}" exists already`);
    }
    const source = typeof body === 'string' ? body : null;
    try {
      await this.definitions.insert(definition, source, createdBy);
    } catch (err) {
      if (/unique|duplicate|constraint/i.test((err as Error).message)) {
        throw new ConflictException(`A programme with id "${definition.id}" exists already`);
      }
      throw err;
    }
    return this.get(definition.id);
  }

  async list(visible?: (id: string) => boolean): Promise<Omit<ProgrammeView, 'definition'>[]> {
    const rows = await this.definitions.list();
    const views = await Promise.all(rows.filter((r) => !visible || visible(r.id)).map((r) => this.view(r)));
    return views.map(({ definition: _d, ...view }) => view);
  }

  async get(id: string): Promise<ProgrammeView> {
    return this.view(await this.entity(id));
  }

  /** The programme's row without its (possibly large) definition and source texts. */
  async entity(id: string): Promise<ProgrammeMeta> {
    const row = await this.definitions.meta(id);
    if (!row) throw new NotFoundException(`No programme with id "${id}"`);
    return row;
  }

  async planOf(id: string): Promise<{ definition: ProgrammeDefinition; plan: ProgrammePlan; entity: ProgrammeMeta }> {
    const entity = await this.entity(id);
    return { ...(await this.definitions.planOf(entity)), entity };
  }

  async markStarted(id: string, at: string): Promise<void> {
    await this.definitions.markStarted(id, at);
  }

  private async view(row: ProgrammeMeta): Promise<ProgrammeView> {
    const { definition, plan } = await this.definitions.planOf(row);
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
}
