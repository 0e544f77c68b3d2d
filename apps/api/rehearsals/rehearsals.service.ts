import { HttpStatus, Injectable } from '@nestjs/common';
import { checkScenario } from '../../../libs/rehearsal';
import type { ProgrammeDefinition } from '../../../libs/plan';
import { rehearsalProblem } from '../../../libs/texts/problems/rehearsal';
import { RehearsalFailed, type RehearsalResult, rehearse } from '../../rehearsal/runner';
import type { Actor } from '../auth/decorators';
import { BadInputException, ProblemException } from '../common/errors';
import { parseBody } from '../common/validation';
import { rehearseBodySchema } from '../dtos/rehearsal.dto';
import { ProgrammesService, checkDefinitionBody } from '../programmes/programmes.service';

/**
 * Rehearsals over HTTP. The route has no `:id`, so the guard cannot check the programme
 * role; this service does: the caller must be in the secretariat of the programme the
 * definition names (by its id, as stored) or of the stored programme, or be the admin.
 * A definition for a programme not stored yet can be rehearsed by the admin only.
 */
@Injectable()
export class RehearsalsService {
  constructor(private readonly programmes: ProgrammesService) {}

  async rehearse(body: unknown, actor: Actor): Promise<RehearsalResult> {
    const input = parseBody(rehearseBodySchema, body);
    if ((input.definition === undefined) === (input.programmeId === undefined)) {
      throw new BadInputException([{ path: '', message: rehearsalProblem.bodyNeedsOne }]);
    }
    let definition: ProgrammeDefinition;
    if (input.programmeId !== undefined) {
      this.mayRehearse(actor, input.programmeId);
      definition = (await this.programmes.planOf(input.programmeId)).definition;
    } else {
      const raw = input.definition;
      const id = raw !== null && typeof raw === 'object' ? (raw as { id?: unknown }).id : undefined;
      const result = checkDefinitionBody(raw, typeof raw === 'string' ? 'application/yaml' : undefined);
      this.mayRehearse(actor, result.definition?.id ?? (typeof id === 'string' ? id : ''));
      if (!result.valid || !result.definition) {
        throw new BadInputException(
          result.errors.map((e) => ({ path: e.path ? `definition.${e.path}` : 'definition', message: e.message })),
        );
      }
      definition = result.definition;
    }
    const { steps, problems } = checkScenario(input.scenario, definition);
    if (problems.length) throw new BadInputException(problems);
    try {
      return await rehearse({ definition, steps, include: input.include ?? {} });
    } catch (err) {
      if (err instanceof RehearsalFailed) {
        throw new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, err.said);
      }
      throw err;
    }
  }

  private mayRehearse(actor: Actor, programmeId: string): void {
    if (actor.admin) return;
    if (actor.roles.some((r) => r.programme === programmeId && r.role === 'secretariat')) return;
    throw new ProblemException(HttpStatus.FORBIDDEN, rehearsalProblem.notSecretariat(programmeId));
  }
}
