import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { type MailTransport, createMailTransport } from '../../../activities/mail/transport';
import type { SporConfig } from '../../../libs/config';
import { button, emailMessage, html, paragraph } from '../../../libs/email';
import { SIGN_IN_MAIL } from '../../../libs/texts/sign-in';
import { CONFIG } from '../common/tokens';

/**
 * Sends sign-in links straight from the API, once, through the same transport as the
 * worker's notifications (SMTP_URL, or .eml files in DATA_DIR/mail). Not through the
 * outbox: the message holds a secret, which must not be stored, and a link that does not
 * arrive is simply asked for again.
 */
@Injectable()
export class SignInMail implements OnModuleDestroy {
  private readonly logger = new Logger('SignInMail');
  private transport?: MailTransport;

  constructor(@Inject(CONFIG) private readonly config: SporConfig) {}

  async send(to: { email: string; name: string }, href: string): Promise<void> {
    this.transport ??= createMailTransport(this.config);
    const m = SIGN_IN_MAIL;
    const message = emailMessage({
      subject: m.subject,
      programmeTitle: 'Spor',
      preheader: m.preheader,
      body: html`${paragraph(m.greeting(to.name))}${paragraph(m.body)}${button(href, m.button)}${paragraph(m.validity)}${paragraph(m.notYou)}`,
      text: [m.greeting(to.name), '', m.body, '', `${m.button}: ${href}`, '', m.validity, '', m.notYou].join('\n'),
      link: { href, label: m.button },
    });
    await this.transport.send({
      // A key of its own per link: a Message-ID no other message has.
      key: `sign-in-link:${randomUUID()}`,
      to: [to.email],
      subject: message.subject,
      text: message.text,
      html: message.html,
    });
    this.logger.log(`Sent a sign-in link to ${to.email}`);
  }

  onModuleDestroy(): void {
    this.transport?.close();
  }
}
