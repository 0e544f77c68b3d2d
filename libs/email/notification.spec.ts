import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { MockActivityEnvironment } from '@temporalio/testing';
import type { DataSource } from 'typeorm';
import { FileStore } from '../../activities/files/file-store';
import { createMailActivities } from '../../activities/mail/mail.activities';
import { createMailTransport } from '../../activities/mail/transport';
import { startSmtp, type TestSmtp } from '../../test/support/smtp';
import { loadConfig } from '../config';
import { openDatabase } from '../persistence/data-source';
import { ProgrammeDefinitions } from '../persistence/repositories/programme-definitions';
import { computePlan } from '../plan';
import { loadDefaultProgramme } from '../plan/default-programme';
import type { ScheduledEvent } from '../plan/schedule';
import { composeMessage, greetingTo } from '../texts/messages';
import { finishNotification, personalise } from './notification';

const definition = loadDefaultProgramme();
const plan = computePlan(definition);
const SBV_LEADS = ['pl-borgerservice@example.org', 'pl-virksomhedsservice@example.org'];
const LINK = 'https://spor.example.org/programmes/aarhus/sub-analyses/sbv';

/** The material reminder the meeting workflow composes for SBV's June material, two days ahead. */
function materialReminder() {
  const event: ScheduledEvent = {
    key: 'sbv/material/udvalg-juni/reminder/2025-05-01',
    kind: 'material-reminder',
    at: '2025-05-01T09:00:00+02:00',
    date: '2025-05-01',
    week: 18,
    subAnalysis: 'sbv',
    meeting: 'udvalg-juni',
    recipients: SBV_LEADS,
    due: '2025-05-05',
    daysBefore: 2,
    title: 'Påmindelse: materiale til «Udvalgsmøde: foreløbige analysefund» skal afleveres om 2 arbejdsdage',
    allDay: false,
    notify: true,
  } as ScheduledEvent;
  return composeMessage(event, {
    programmeTitle: plan.title,
    subAnalysisTitle: 'Samlet Borger- og Virksomhedsservice',
    deliverableTitle: 'Foreløbige analysefund',
    meetingTitle: 'Udvalgsmøde: foreløbige analysefund',
    deadline: '2025-05-05',
    link: LINK,
  });
}

describe('greetings and the finishing of text notifications', () => {
  it('greets the recipients by name, however many', () => {
    expect(greetingTo(['Anna Holm'])).toBe('Kære Anna Holm');
    expect(greetingTo(['Anna Holm', 'Bo Berg'])).toBe('Kære Anna Holm og Bo Berg');
    expect(greetingTo(['Anna Holm', 'Bo Berg', 'Carl Dam'])).toBe('Kære Anna Holm, Bo Berg og Carl Dam');
    expect(greetingTo(['A', 'B', 'C', 'D', 'E'])).toBe('Kære alle');
    expect(greetingTo([])).toBe('Goddag');
  });

  it('words a material reminder as the meeting it is for, from the sub-analysis', () => {
    const { text } = materialReminder();
    expect(text).toContain(
      'frist for materialet "Foreløbige analysefund" til mødet «Udvalgsmøde: foreløbige analysefund» fra Samlet Borger- og Virksomhedsservice.',
    );
    expect(text).not.toMatch(/analysefund i /);
  });

  it('replaces the generic greeting, never "Kære projektleder" to two leads', () => {
    const text = personalise(materialReminder().text, SBV_LEADS, {
      [SBV_LEADS[0]]: 'Anna Holm',
      [SBV_LEADS[1]]: 'Bo Berg',
    });
    expect(text.split('\n')[0]).toBe('Kære Anna Holm og Bo Berg');
    expect(text).not.toContain('Kære projektleder');
    // A message without a greeting gets one on top.
    expect(personalise('Hermed mødepakken.', ['x@example.org'], { 'x@example.org': 'Xenia Ulf' })).toBe(
      'Kære Xenia Ulf\n\nHermed mødepakken.',
    );
  });

  it('puts the text in the layout as HTML, its link as a button, the footer once', () => {
    const message = materialReminder();
    const finished = finishNotification(
      { ...message, recipients: SBV_LEADS },
      { programmeTitle: plan.title, people: plan.people, secretariat: plan.secretariat },
    );
    expect(finished.html).toContain('<!DOCTYPE html');
    expect(finished.html).toContain('Kære Projektleder, borgerservice og Projektleder, virksomhedsservice');
    expect(finished.html).toContain(`href="${LINK}"`);
    expect(finished.html.match(/Denne besked er sendt automatisk af Spor/g)).toHaveLength(1);
    expect(finished.text).toContain(`Se analysesporet i Spor: ${LINK}`);
  });
});

describe('the mail activity sends text notifications as HTML with a text alternative, Reply-To the secretariat', () => {
  let smtp: TestSmtp;
  let dataSource: DataSource;
  let dir: string;

  beforeAll(async () => {
    smtp = await startSmtp();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spor-mail-'));
    dataSource = await openDatabase({ type: 'sqlite', file: ':memory:' });
    await new ProgrammeDefinitions(dataSource).insert(definition, null, null);
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await smtp?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('greets both leads by name and lets them answer the secretariat', async () => {
    const config = loadConfig({ DATA_DIR: dir, SMTP_URL: smtp.url, MAIL_FROM: 'Spor <noreply@example.org>' });
    const transport = createMailTransport(config);
    const activities = createMailActivities(dataSource, transport, new FileStore(dir));
    const { subject, text } = materialReminder();
    await new MockActivityEnvironment().run(activities.sendNotification, {
      key: 'test/sbv/material/udvalg-juni/reminder/2025-05-01',
      programmeId: definition.id,
      subAnalysisId: 'sbv',
      kind: 'material-reminder',
      recipients: SBV_LEADS,
      subject,
      text,
      dueAt: '2025-05-01T09:00:00+02:00',
    });
    transport.close();
    expect(smtp.received).toHaveLength(1);
    const mail = smtp.received[0];
    expect(mail.subject).toBe(subject);
    expect(mail.text.split('\n')[0]).toBe('Kære Projektleder, borgerservice og Projektleder, virksomhedsservice');
    expect(mail.html).toContain('Kære Projektleder, borgerservice og Projektleder, virksomhedsservice');
    expect(mail.html).toContain(plan.title);
    expect(mail.replyTo).toContain('sekretariat@example.org');
    expect(mail.replyTo).toContain('Udvalgssekretariatet');
  });
});
