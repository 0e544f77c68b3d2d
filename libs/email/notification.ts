/**
 * The finishing of a notification composed as text (reminders, escalations, meeting
 * packages, protocols): a greeting that names its recipients and the same words in the
 * one layout as HTML (the mail activity adds Reply-To the secretariat). Done when the message
 * is sent, not in the workflow that asked for it, so workflow histories stay as they are.
 */
import { button, textToHtml } from './components';
import { html } from './html';
import { AUTOMATIC_NOTICE, emailMessage } from './layout';
import { greetingTo, isGenericGreeting } from '../texts/messages';

/** What the programme's definition says about the people a message concerns. */
export interface NotificationPeople {
  programmeTitle: string;
  /** E-mail (lower case) → name. */
  people: Record<string, string>;
  /** The secretariat's addresses, lower case. */
  secretariat: string[];
}

export interface FinishedNotification {
  text: string;
  html: string;
}

/** "Se analysesporet i Spor: https://…", the line composed texts end their body with. */
const LINK_LINE = /^(.+ i Spor): (https?:\/\/\S+)$/;

/** The text with its first line a greeting by name (a generic one replaced, a missing one added). */
export function personalise(text: string, recipients: string[], people: Record<string, string>): string {
  const names = recipients.map((r) => people[r.toLowerCase()]).filter((n): n is string => Boolean(n));
  const lines = text.split('\n');
  const greeting = greetingTo(names);
  if (isGenericGreeting(lines[0])) return [greeting, ...lines.slice(1)].join('\n');
  if (/^Kære /.test(lines[0])) return text;
  return [greeting, '', ...lines].join('\n');
}

/** A text notification as HTML and text, in the layout, with its greeting and Reply-To. */
export function finishNotification(
  message: { subject: string; text: string; recipients: string[] },
  who: NotificationPeople,
): FinishedNotification {
  const text = personalise(message.text, message.recipients, who.people);
  // The layout has the programme's title on top and the automatic notice and link at the
  // foot, so the text's own footer lines are left out of the HTML body.
  const lines = text.split('\n');
  let link: { href: string; label: string } | undefined;
  const body = lines.filter((line) => {
    const found = LINK_LINE.exec(line);
    if (found) {
      link = { label: found[1], href: found[2] };
      return false;
    }
    return line !== AUTOMATIC_NOTICE && line !== who.programmeTitle;
  });
  const email = emailMessage({
    subject: message.subject,
    programmeTitle: who.programmeTitle,
    body: html`${textToHtml(body.join('\n'))}${link ? button(link.href, link.label) : ''}`,
    text,
    link,
  });
  return { text, html: email.html };
}
