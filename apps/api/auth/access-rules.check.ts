import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { AccessRule, misconfiguration } from '../../../libs/auth';
import { ALLOW_KEY, PUBLIC_KEY } from './decorators';

/**
 * Checks every endpoint's access annotation when the API starts: a rule that cannot
 * work on its route (e.g. 'lead' without :sid) stops start-up; an endpoint with no
 * annotation is reported, since the guard will refuse everyone on it.
 */
@Injectable()
export class AccessRulesCheck implements OnModuleInit {
  private readonly logger = new Logger('Access');

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
  ) {}

  onModuleInit(): void {
    const problems: string[] = [];
    for (const wrapper of this.discovery.getControllers()) {
      const controller = wrapper.metatype;
      if (typeof controller !== 'function') continue;
      const prototype = controller.prototype as Record<string, unknown>;
      for (const name of this.scanner.getAllMethodNames(prototype)) {
        const handler = prototype[name];
        if (typeof handler !== 'function' || Reflect.getMetadata(METHOD_METADATA, handler) === undefined) continue;
        const where = `${controller.name}.${name}`;
        const targets = [handler, controller];
        if (this.reflector.getAllAndOverride<boolean | undefined>(PUBLIC_KEY, targets)) continue;
        const rules = this.reflector.getAllAndOverride<AccessRule[] | undefined>(ALLOW_KEY, targets);
        if (!rules?.length) {
          this.logger.warn(`${where} has neither @Allow(...) nor @Public(): it refuses everyone`);
          continue;
        }
        const params = paths(controller, handler).flatMap((p) => [...p.matchAll(/:(\w+)/g)].map((m) => m[1]));
        const problem = misconfiguration(rules, params);
        if (problem) problems.push(`${where}: ${problem}`);
      }
    }
    if (problems.length) throw new Error(`Access rules that cannot work:\n  ${problems.join('\n  ')}`);
  }
}

/** Every path an endpoint answers on: its controller's paths joined with its own. */
function paths(controller: object, handler: object): string[] {
  const list = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : [String(value ?? '')]);
  const own = list(Reflect.getMetadata(PATH_METADATA, handler));
  return list(Reflect.getMetadata(PATH_METADATA, controller)).flatMap((base) => own.map((p) => `${base}/${p}`));
}
