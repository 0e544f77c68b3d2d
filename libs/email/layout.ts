/**
 * The one layout of every e-mail Spor sends (reminders, escalations, meeting packages,
 * protocols, status reports, sign-in links; notification.ts puts the ones composed as
 * text in it): a header with the programme's title, the body, and a footer saying the
 * message is automatic, with the link into Spor. Built for Outlook's Word renderer:
 * nested tables, widths as attributes, inline styles only, no scripts, no remote images,
 * system fonts. Every message has a plain-text alternative in the same order.
 */
import { SafeHtml, html, safeUrl } from './html';
import type { EmailAttachment, EmailMessage } from './message';

export const EMAIL_WIDTH = 640;

/** The palette and type of the layout, for the components beside it. */
export const EMAIL_STYLE = {
  font: 'Arial, Helvetica, sans-serif',
  text: '#1a1a1a',
  muted: '#5f6b77',
  rule: '#d7dee6',
  brand: '#1f4e79',
  page: '#f2f4f7',
  headerFill: '#eef2f6',
} as const;

/**
 * Outlook on Windows ignores max-width, so it gets a fixed-width table around the
 * message in a conditional comment; every other client gets a fluid one that narrows
 * on a phone.
 */
const MSO_OPEN = new SafeHtml(
  `<!--[if mso]><table role="presentation" width="${EMAIL_WIDTH}" align="center" border="0" cellpadding="0" cellspacing="0"><tr><td><![endif]-->`,
);
const MSO_CLOSE = new SafeHtml('<!--[if mso]></td></tr></table><![endif]-->');

export const AUTOMATIC_NOTICE = 'Denne besked er sendt automatisk af Spor.';

export interface LayoutInput {
  subject: string;
  programmeTitle: string;
  /** Preview text the inbox shows beside the subject. */
  preheader?: string;
  /** The content between header and footer. */
  body: SafeHtml;
  /** The same content as plain text. */
  text: string;
  /** Where in Spor the message leads (a message about nothing in particular has no link). */
  link?: { href: string; label: string };
  attachments?: EmailAttachment[];
}

export function emailMessage(input: LayoutInput): EmailMessage {
  return {
    subject: input.subject,
    html: layoutHtml(input),
    text: layoutText(input),
    attachments: input.attachments ?? [],
  };
}

function layoutHtml(input: LayoutInput): string {
  const s = EMAIL_STYLE;
  const link = input.link ? { href: safeUrl(input.link.href), label: input.link.label } : undefined;
  const page = html`<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
    <html xmlns="http://www.w3.org/1999/xhtml" lang="da" xml:lang="da">
      <head>
        <meta http-equiv="Content-Type" content="text/html; charset=UTF-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1.0" />
        <title>${input.subject}</title>
      </head>
      <body style="margin:0;padding:0;background-color:${s.page};">
        ${input.preheader ? html`<div style="display:none;max-height:0;overflow:hidden;mso-hide:all;font-size:1px;line-height:1px;color:${s.page};">${input.preheader}</div>` : ''}
        <table
          role="presentation"
          width="100%"
          border="0"
          cellpadding="0"
          cellspacing="0"
          bgcolor="${s.page}"
          style="background-color:${s.page};"
        >
          <tr>
            <td align="center" style="padding:16px 8px;">
              ${MSO_OPEN}
              <table
                role="presentation"
                width="100%"
                border="0"
                cellpadding="0"
                cellspacing="0"
                style="width:100%;max-width:${EMAIL_WIDTH}px;background-color:#ffffff;border:1px solid ${s.rule};"
              >
                <tr>
                  <td
                    bgcolor="${s.brand}"
                    style="background-color:${s.brand};padding:14px 20px;font-family:${s.font};font-size:15px;line-height:20px;font-weight:bold;color:#ffffff;"
                  >
                    ${input.programmeTitle}
                  </td>
                </tr>
                <tr>
                  <td style="padding:20px;font-family:${s.font};font-size:14px;line-height:20px;color:${s.text};">
                    ${input.body}
                  </td>
                </tr>
                <tr>
                  <td
                    style="padding:14px 20px;border-top:1px solid ${s.rule};font-family:${s.font};font-size:12px;line-height:17px;color:${s.muted};"
                  >
                    ${AUTOMATIC_NOTICE}
                    ${link ? html`<br /><a href="${link.href}" style="color:${s.brand};text-decoration:underline;">${link.label}</a>` : ''}
                  </td>
                </tr>
              </table>
              ${MSO_CLOSE}
            </td>
          </tr>
        </table>
      </body>
    </html> `;
  // Prettier indents the template; a newline with its indentation means one space in
  // HTML (no <pre> here), so keep the newline and drop the rest, for a smaller message.
  return page.value.replace(/\n\s+/g, '\n');
}

function layoutText(input: LayoutInput): string {
  return [
    input.programmeTitle,
    '='.repeat(Math.min(input.programmeTitle.length, 72)),
    '',
    input.text.trimEnd(),
    '',
    '--',
    AUTOMATIC_NOTICE,
    ...(input.link ? [`${input.link.label}: ${input.link.href}`] : []),
    '',
  ].join('\n');
}
