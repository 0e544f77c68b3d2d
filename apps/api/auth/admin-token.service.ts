import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { generateToken, hashToken, sameHash } from '../../../libs/auth';
import type { SporConfig } from '../../../libs/config';
import { SettingEntity } from '../../../libs/persistence';
import { CONFIG } from '../common/tokens';

/** The setting that holds the generated admin token's hash. */
export const ADMIN_TOKEN_SETTING = 'admin-token-sha256';

/**
 * The admin token. With SPOR_ADMIN_TOKEN set, that is it (the stored one, if any, is
 * ignored). Unset, one is generated when the API first starts, printed once, and only
 * its hash is stored; later starts find the hash and generate nothing.
 */
@Injectable()
export class AdminTokenService implements OnModuleInit {
  private hash?: string;

  constructor(
    @Inject(CONFIG) private readonly config: SporConfig,
    private readonly dataSource: DataSource,
  ) {}

  async onModuleInit(): Promise<void> {
    if (this.config.adminToken) {
      this.hash = hashToken(this.config.adminToken);
      return;
    }
    const settings = this.dataSource.getRepository(SettingEntity);
    const stored = await settings.findOneBy({ key: ADMIN_TOKEN_SETTING });
    if (stored) {
      this.hash = stored.value;
      return;
    }
    const token = generateToken();
    try {
      await settings.insert({ key: ADMIN_TOKEN_SETTING, value: hashToken(token) });
    } catch (err) {
      // Another API process started at the same moment and stored its token first: that one counts.
      const winner = await settings.findOneBy({ key: ADMIN_TOKEN_SETTING });
      if (!winner) throw err;
      this.hash = winner.value;
      return;
    }
    this.hash = hashToken(token);
    // Straight to stdout, not the logger: it must show whatever LOG_LEVEL says, and logs keep no tokens.
    process.stdout.write(
      `Admin token (shown once; keep it safe, or set SPOR_ADMIN_TOKEN to choose your own): ${token}\n`,
    );
  }

  /** Whether a presented token, by its hash, is the admin token. Constant time. */
  matches(tokenHash: string): boolean {
    return this.hash !== undefined && sameHash(this.hash, tokenHash);
  }
}
