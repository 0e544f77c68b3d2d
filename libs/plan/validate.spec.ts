/* eslint-disable @typescript-eslint/no-explicit-any */
import { defaultRaw } from './test-fixtures';
import { formatPath, validateDefinition } from './validate';

/** [what, mutation of the default programme, expected path, expected message fragment] */
type Case = [string, (d: any) => void, string, string];

const sbv = (d: any) => d.subAnalyses[0];
const phase = (d: any, j: number) => d.subAnalyses[0].phases[j];
const juni = (d: any) => d.committee.meetings[0];

const REQUIRED_TOP = ['id', 'title', 'year', 'people', 'secretariat', 'steeringGroup', 'committee', 'subAnalyses'];

const cases: Case[] = [
  // Required fields
  ...REQUIRED_TOP.map((key): Case => [
    `without ${key}`,
    (d) => delete d[key],
    key,
    `Required field '${key}' is missing`,
  ]),
  ['steering group without name', (d) => delete d.steeringGroup.name, 'steeringGroup.name', "'name' is missing"],
  [
    'steering group without members',
    (d) => delete d.steeringGroup.members,
    'steeringGroup.members',
    "'members' is missing",
  ],
  ['committee without name', (d) => delete d.committee.name, 'committee.name', "'name' is missing"],
  ['committee without members', (d) => delete d.committee.members, 'committee.members', "'members' is missing"],
  ['person without name', (d) => delete d.people.sekretariat.name, 'people.sekretariat.name', "'name' is missing"],
  [
    'person without e-mail',
    (d) => delete d.people['leder-klima'].email,
    'people.leder-klima.email',
    "'email' is missing",
  ],
  ['meeting without id', (d) => delete juni(d).id, 'committee.meetings[0].id', "'id' is missing"],
  ['meeting without title', (d) => delete juni(d).title, 'committee.meetings[0].title', "'title' is missing"],
  ['meeting without date', (d) => delete juni(d).date, 'committee.meetings[0].date', "'date' is missing"],
  [
    'meeting without materialDue',
    (d) => delete juni(d).materialDue,
    'committee.meetings[0].materialDue',
    "'materialDue' is missing",
  ],
  ['sub-analysis without id', (d) => delete sbv(d).id, 'subAnalyses[0].id', "'id' is missing"],
  ['sub-analysis without title', (d) => delete sbv(d).title, 'subAnalyses[0].title', "'title' is missing"],
  [
    'sub-analysis without projectLeads',
    (d) => delete sbv(d).projectLeads,
    'subAnalyses[0].projectLeads',
    "'projectLeads' is missing",
  ],
  ['sub-analysis without phases', (d) => delete sbv(d).phases, 'subAnalyses[0].phases', "'phases' is missing"],
  ['phase without code', (d) => delete phase(d, 1).code, 'subAnalyses[0].phases[1].code', "'code' is missing"],
  ['phase without title', (d) => delete phase(d, 1).title, 'subAnalyses[0].phases[1].title', "'title' is missing"],
  ['phase without weeks', (d) => delete phase(d, 1).weeks, 'subAnalyses[0].phases[1].weeks', "'weeks' is missing"],
  [
    'deliverable without title',
    (d) => delete sbv(d).deliverables[0].title,
    'subAnalyses[0].deliverables[0].title',
    "'title' is missing",
  ],
  [
    'deliverable without meeting',
    (d) => delete sbv(d).deliverables[0].meeting,
    'subAnalyses[0].deliverables[0].meeting',
    "'meeting' is missing",
  ],
  [
    'gate without meeting',
    (d) => (phase(d, 4).gate = {}),
    'subAnalyses[0].phases[4].gate.meeting',
    "'meeting' is missing",
  ],
  [
    'status reports without every',
    (d) => delete d.steeringGroup.statusReports.every,
    'steeringGroup.statusReports.every',
    "'every' is missing",
  ],

  // Types and formats
  ['numeric id', (d) => (d.id = 42), 'id', 'Expected text'],
  ['upper-case id', (d) => (d.id = 'Aarhus-2025'), 'id', '3–64 characters'],
  ['too short id', (d) => (d.id = 'ab'), 'id', '3–64 characters'],
  ['too long id', (d) => (d.id = 'a'.repeat(65)), 'id', '3–64 characters'],
  ['id with spaces', (d) => (d.id = 'my programme'), 'id', '3–64 characters'],
  ['empty title', (d) => (d.title = '   '), 'title', 'Must not be empty'],
  ['title as a list', (d) => (d.title = ['x']), 'title', 'Expected text, but found a list'],
  ['year as text', (d) => (d.year = '2025'), 'year', 'Expected a number'],
  ['fractional year', (d) => (d.year = 2025.5), 'year', 'whole year'],
  ['year far in the past', (d) => (d.year = 1800), 'year', 'from 1970 to 2200'],
  ['year far in the future', (d) => (d.year = 3000), 'year', 'from 1970 to 2200'],
  ['unknown time zone', (d) => (d.timezone = 'Mars/Olympus_Mons'), 'timezone', 'IANA time zone'],
  ['time zone as a number', (d) => (d.timezone = 1), 'timezone', 'Expected text'],
  ['unknown holiday set', (d) => (d.holidays = 'se'), 'holidays', 'dk (Danish public holidays) or none'],
  ['impossible closed day', (d) => (d.closedDays = ['2025-02-30']), 'closedDays[0]', 'real date'],
  ['closed day in another format', (d) => (d.closedDays = ['05-06-2025']), 'closedDays[0]', 'real date'],
  ['closed days not a list', (d) => (d.closedDays = '2025-06-05'), 'closedDays', 'Expected a list'],
  ['people as a list', (d) => (d.people = []), 'people', 'Expected a mapping'],
  [
    'person as text',
    (d) => (d.people.sekretariat = 'sekretariat@example.org'),
    'people.sekretariat',
    'Expected a mapping',
  ],
  [
    'bad e-mail',
    (d) => (d.people.sekretariat.email = 'sekretariat.example.org'),
    'people.sekretariat.email',
    'valid e-mail',
  ],
  [
    'e-mail with spaces',
    (d) => (d.people['leder-ledige'].email = 'pl ledige@example.org'),
    'people.leder-ledige.email',
    'valid e-mail',
  ],
  ['empty person name', (d) => (d.people.sekretariat.name = ''), 'people.sekretariat.name', 'Must not be empty'],
  ['secretariat not a list', (d) => (d.secretariat = 'sekretariat'), 'secretariat', 'Expected a list'],
  ['empty secretariat', (d) => (d.secretariat = []), 'secretariat', 'at least one secretariat member'],
  ['empty steering group', (d) => (d.steeringGroup.members = []), 'steeringGroup.members', 'at least one member'],
  [
    'daily status reports',
    (d) => (d.steeringGroup.statusReports.every = 'day'),
    'steeringGroup.statusReports.every',
    'week, fortnight or month',
  ],
  [
    'Danish weekday',
    (d) => (d.steeringGroup.statusReports.weekday = 'mandag'),
    'steeringGroup.statusReports.weekday',
    'weekday in English',
  ],
  [
    'status time without leading zero',
    (d) => (d.steeringGroup.statusReports.time = '8:00'),
    'steeringGroup.statusReports.time',
    'HH:MM',
  ],
  [
    'status time 24:00',
    (d) => (d.steeringGroup.statusReports.time = '24:00'),
    'steeringGroup.statusReports.time',
    'HH:MM',
  ],
  ['empty committee', (d) => (d.committee.members = []), 'committee.members', 'at least one member'],
  ['negative package lead', (d) => (d.committee.packageLeadDays = -1), 'committee.packageLeadDays', '0 or more'],
  ['fractional package lead', (d) => (d.committee.packageLeadDays = 2.5), 'committee.packageLeadDays', 'whole number'],
  [
    'package lead as text',
    (d) => (d.committee.packageLeadDays = 'five'),
    'committee.packageLeadDays',
    'Expected a number',
  ],
  ['meetings not a list', (d) => (d.committee.meetings = { juni: {} }), 'committee.meetings', 'Expected a list'],
  ['meeting id with capitals', (d) => (juni(d).id = 'Udvalg-Juni'), 'committee.meetings[0].id', 'lowercase letters'],
  ['meeting date in words', (d) => (juni(d).date = '2. juni 2025'), 'committee.meetings[0].date', 'real date'],
  ['meeting date impossible', (d) => (juni(d).date = '2025-06-31'), 'committee.meetings[0].date', 'real date'],
  [
    'meeting date as a number',
    (d) => (juni(d).date = 20250602),
    'committee.meetings[0].date',
    'Must be a date (YYYY-MM-DD) or a week',
  ],
  [
    'meeting week as text',
    (d) => (juni(d).date = { week: 'x' }),
    'committee.meetings[0].date.week',
    'Expected a number',
  ],
  [
    'fractional meeting week',
    (d) => (juni(d).date = { week: 23.5 }),
    'committee.meetings[0].date.week',
    'whole number',
  ],
  [
    'Danish meeting weekday',
    (d) => (juni(d).date = { week: 23, weekday: 'mandag' }),
    'committee.meetings[0].date.weekday',
    'weekday in English',
  ],
  [
    'meeting year far away',
    (d) => (juni(d).date = { week: 23, year: 1800 }),
    'committee.meetings[0].date.year',
    'from 1970',
  ],
  [
    'reminder 0 days before',
    (d) => (d.reminders.beforeDue = [5, 0]),
    'reminders.beforeDue[1]',
    'at least 1 working day',
  ],
  ['reminder days as text', (d) => (d.reminders.beforeDue = 'five'), 'reminders.beforeDue', 'Expected a list'],
  ['reminder days far ahead', (d) => (d.reminders.beforeDue = [500]), 'reminders.beforeDue[0]', 'at most 250'],
  ['onDueDay as text', (d) => (d.reminders.onDueDay = 'yes'), 'reminders.onDueDay', 'Expected true or false'],
  ['negative overdueEvery', (d) => (d.reminders.overdueEvery = -1), 'reminders.overdueEvery', '0 (escalate once)'],
  ['fractional overdueEvery', (d) => (d.reminders.overdueEvery = 1.5), 'reminders.overdueEvery', 'whole number'],
  ['reminder time in words', (d) => (d.reminders.time = '9am'), 'reminders.time', 'HH:MM'],
  ['reminder time 25:00', (d) => (d.reminders.time = '25:00'), 'reminders.time', 'HH:MM'],
  ['reminder time as a number', (d) => (d.reminders.time = 900), 'reminders.time', 'Expected text'],
  ['no sub-analyses', (d) => (d.subAnalyses = []), 'subAnalyses', 'at least one sub-analysis'],
  ['sub-analyses as a mapping', (d) => (d.subAnalyses = { sbv: {} }), 'subAnalyses', 'Expected a list'],
  ['sub-analysis as text', (d) => (d.subAnalyses[1] = 'ledige'), 'subAnalyses[1]', 'Expected a mapping'],
  ['sub-analysis id with capitals', (d) => (sbv(d).id = 'SBV'), 'subAnalyses[0].id', 'lowercase letters'],
  ['sub-analysis id with a slash', (d) => (sbv(d).id = 'sbv/2'), 'subAnalyses[0].id', 'lowercase letters'],
  ['track zero', (d) => (sbv(d).track = 0), 'subAnalyses[0].track', 'positive whole number'],
  ['track as text', (d) => (sbv(d).track = 'two'), 'subAnalyses[0].track', 'Expected a number'],
  ['departments as text', (d) => (sbv(d).departments = 'MKB'), 'subAnalyses[0].departments', 'Expected a list'],
  ['no project lead', (d) => (sbv(d).projectLeads = []), 'subAnalyses[0].projectLeads', 'at least one project lead'],
  ['project owner as a number', (d) => (sbv(d).projectOwner = 5), 'subAnalyses[0].projectOwner', 'Expected text'],
  [
    'reminder override with a bad time',
    (d) => (sbv(d).reminders = { time: 'noon' }),
    'subAnalyses[0].reminders.time',
    'HH:MM',
  ],
  [
    'reminder override with negative days',
    (d) => (sbv(d).reminders = { beforeDue: [-1] }),
    'subAnalyses[0].reminders.beforeDue[0]',
    'at least 1',
  ],
  ['no phases', (d) => (sbv(d).phases = []), 'subAnalyses[0].phases', 'at least one phase'],
  ['deliverables as text', (d) => (sbv(d).deliverables = 'x'), 'subAnalyses[0].deliverables', 'Expected a list'],
  ['phase code with a space', (d) => (phase(d, 1).code = '2 A'), 'subAnalyses[0].phases[1].code', 'phase code must be'],
  [
    'phase code as a boolean',
    (d) => (phase(d, 1).code = true),
    'subAnalyses[0].phases[1].code',
    'Expected text or a number',
  ],
  ['empty phase title', (d) => (phase(d, 1).title = ''), 'subAnalyses[0].phases[1].title', 'Must not be empty'],
  [
    'empty phase description',
    (d) => (phase(d, 1).description = ''),
    'subAnalyses[0].phases[1].description',
    'Must not be empty',
  ],
  [
    'weeks in words',
    (d) => (phase(d, 1).weeks = 'fourteen'),
    'subAnalyses[0].phases[1].weeks',
    'week or a range of weeks',
  ],
  [
    'weeks half-written',
    (d) => (phase(d, 1).weeks = '14-'),
    'subAnalyses[0].phases[1].weeks',
    'week or a range of weeks',
  ],
  [
    'fractional week',
    (d) => (phase(d, 1).weeks = 14.5),
    'subAnalyses[0].phases[1].weeks',
    'Expected text or a whole number',
  ],
  ['after as text', (d) => (phase(d, 1).after = '1'), 'subAnalyses[0].phases[1].after', 'Expected a list'],
  ['gate as text', (d) => (phase(d, 4).gate = 'udvalg-juni'), 'subAnalyses[0].phases[4].gate', 'Expected a mapping'],
  [
    'from in another format',
    (d) => {
      delete phase(d, 1).weeks;
      phase(d, 1).from = 'W14';
      phase(d, 1).to = '2025-W16';
    },
    'subAnalyses[0].phases[1].from',
    'YYYY-Www',
  ],

  // Uniqueness
  [
    'duplicate sub-analysis id',
    (d) => (d.subAnalyses[1].id = 'sbv'),
    'subAnalyses[1].id',
    "Sub-analysis id 'sbv' is used more than once",
  ],
  [
    'duplicate meeting id',
    (d) => (d.committee.meetings[1].id = 'udvalg-juni'),
    'committee.meetings[1].id',
    "Meeting id 'udvalg-juni' is used more than once",
  ],
  [
    'duplicate phase code',
    (d) => (phase(d, 2).code = '2A'),
    'subAnalyses[0].phases[2].code',
    "Phase code '2A' is used more than once",
  ],
  [
    'duplicate phase code as a number',
    (d) => (phase(d, 1).code = 1),
    'subAnalyses[0].phases[1].code',
    "Phase code '1' is used more than once",
  ],
  [
    'two deliverables for one meeting',
    (d) => (sbv(d).deliverables[1].meeting = 'udvalg-juni'),
    'subAnalyses[0].deliverables[1].meeting',
    "already has a deliverable for meeting 'udvalg-juni'",
  ],

  // References
  [
    'unknown secretariat member',
    (d) => (d.secretariat = ['sekretariatet']),
    'secretariat[0]',
    "Unknown person 'sekretariatet'",
  ],
  [
    'unknown steering group member',
    (d) => d.steeringGroup.members.push('borgmesteren'),
    'steeringGroup.members[2]',
    "Unknown person 'borgmesteren'",
  ],
  [
    'unknown committee member',
    (d) => (d.committee.members[4] = 'udvalgsmedlem-6'),
    'committee.members[4]',
    "Unknown person 'udvalgsmedlem-6'",
  ],
  [
    'unknown project owner',
    (d) => (sbv(d).projectOwner = 'ejer'),
    'subAnalyses[0].projectOwner',
    "Unknown person 'ejer'",
  ],
  [
    'unknown project lead',
    (d) => (d.subAnalyses[3].projectLeads[1] = 'leder-mbu'),
    'subAnalyses[3].projectLeads[1]',
    "Unknown person 'leder-mbu'",
  ],
  [
    'person removed but still referenced',
    (d) => delete d.people['leder-klima'],
    'subAnalyses[4].projectLeads[0]',
    "Unknown person 'leder-klima'",
  ],
  [
    'unknown gate meeting',
    (d) => (phase(d, 4).gate.meeting = 'udvalg-juli'),
    'subAnalyses[0].phases[4].gate.meeting',
    "Unknown meeting 'udvalg-juli'",
  ],
  [
    'unknown deliverable meeting',
    (d) => (sbv(d).deliverables[1].meeting = 'udvalg-september'),
    'subAnalyses[0].deliverables[1].meeting',
    "Unknown meeting 'udvalg-september'",
  ],
  [
    'meeting removed but still referenced',
    (d) => d.committee.meetings.splice(1, 1),
    'subAnalyses[2].deliverables[1].meeting',
    "Unknown meeting 'udvalg-august'",
  ],
  [
    'unknown phase in after',
    (d) => (phase(d, 3).after = ['2A', '2D']),
    'subAnalyses[0].phases[3].after[1]',
    "Unknown phase '2D'",
  ],
  [
    'phase of another sub-analysis in after',
    (d) => (d.subAnalyses[1].phases[3].after = ['2C']),
    'subAnalyses[1].phases[3].after[0]',
    "Unknown phase '2C'",
  ],
  [
    'unknown producing phase',
    (d) => (sbv(d).deliverables[0].producedBy = '2D'),
    'subAnalyses[0].deliverables[0].producedBy',
    "Unknown phase '2D'",
  ],

  // Cycles
  [
    'phase after itself',
    (d) => phase(d, 1).after.push('2A'),
    'subAnalyses[0].phases[1].after[1]',
    "Phase '2A' waits for itself",
  ],
  ['two-phase cycle', (d) => phase(d, 1).after.push('2C'), 'subAnalyses[0].phases[3].after[0]', 'cycle: 2A → 2C → 2A'],
  [
    'three-phase cycle',
    (d) => (phase(d, 0).after = ['3']),
    'subAnalyses[0].phases[1].after[0]',
    'cycle: 1 → 3 → 2C → 2A → 1',
  ],
  [
    'cycle in another sub-analysis',
    (d) => (d.subAnalyses[2].phases[0].after = ['2B']),
    'subAnalyses[2].phases[2].after[0]',
    'cycle: 1 → 2B → 1',
  ],

  // Weeks
  ['week 0', (d) => (phase(d, 0).weeks = '0-13'), 'subAnalyses[0].phases[0].weeks', 'Week 0 does not exist'],
  [
    'week 53 in 2025',
    (d) => (phase(d, 4).weeks = '50-53'),
    'subAnalyses[0].phases[4].weeks',
    'Week 53 does not exist in 2025, which has 52 weeks',
  ],
  ['week 54', (d) => (phase(d, 4).weeks = 54), 'subAnalyses[0].phases[4].weeks', 'Week 54 does not exist in 2025'],
  [
    'week 53 in a 52-week year after changing the year',
    (d) => {
      d.year = 2027;
      phase(d, 4).weeks = '53';
    },
    'subAnalyses[0].phases[4].weeks',
    'Week 53 does not exist in 2027',
  ],
  [
    'weeks backwards',
    (d) => (phase(d, 1).weeks = '16-14'),
    'subAnalyses[0].phases[1].weeks',
    'The weeks run backwards (16 to 14)',
  ],
  ['weeks and from together', (d) => (phase(d, 1).from = '2025-W14'), 'subAnalyses[0].phases[1].from', 'not both'],
  [
    'from without to',
    (d) => {
      delete phase(d, 1).weeks;
      phase(d, 1).from = '2025-W14';
    },
    'subAnalyses[0].phases[1].to',
    "Required field 'to' is missing",
  ],
  [
    'to without from',
    (d) => {
      delete phase(d, 1).weeks;
      phase(d, 1).to = '2025-W16';
    },
    'subAnalyses[0].phases[1].from',
    "Required field 'from' is missing",
  ],
  [
    'to before from',
    (d) => {
      delete phase(d, 1).weeks;
      phase(d, 1).from = '2026-W02';
      phase(d, 1).to = '2025-W50';
    },
    'subAnalyses[0].phases[1].to',
    "'to' (2025-W50) is before 'from' (2026-W02)",
  ],
  [
    'from in week 53 of a 52-week year',
    (d) => {
      delete phase(d, 1).weeks;
      phase(d, 1).from = '2025-W53';
      phase(d, 1).to = '2026-W02';
    },
    'subAnalyses[0].phases[1].from',
    'Week 53 does not exist in 2025',
  ],
  [
    'to in week 54',
    (d) => {
      delete phase(d, 1).weeks;
      phase(d, 1).from = '2026-W50';
      phase(d, 1).to = '2026-W54';
    },
    'subAnalyses[0].phases[1].to',
    'Week 54 does not exist in 2026',
  ],
  [
    'meeting in week 0',
    (d) => (juni(d).date = { week: 0, weekday: 'monday' }),
    'committee.meetings[0].date.week',
    'Week 0 does not exist',
  ],
  [
    'meeting in week 53 of 2025',
    (d) => (d.committee.meetings[1].date = { week: 53, weekday: 'monday' }),
    'committee.meetings[1].date.week',
    'Week 53 does not exist in 2025',
  ],
  [
    'material in week 60',
    (d) => (d.committee.meetings[1].materialDue = { week: 60 }),
    'committee.meetings[1].materialDue.week',
    'Week 60 does not exist',
  ],

  // Dates in order
  [
    'material due after the meeting',
    (d) => (juni(d).materialDue = '2025-06-03'),
    'committee.meetings[0].materialDue',
    'after the meeting on 2025-06-02',
  ],
  [
    'material week after the meeting week',
    (d) => (d.committee.meetings[1].materialDue = { week: 36 }),
    'committee.meetings[1].materialDue',
    'Material is due on 2025-09-05, after the meeting on 2025-08-25',
  ],
  [
    'meeting moved before its material',
    (d) => (juni(d).date = { week: 18, weekday: 'friday' }),
    'committee.meetings[0].materialDue',
    'after the meeting on 2025-05-02',
  ],

  // Input limits: control characters, RFC 5321 lengths, the programme's years
  ['a NUL in a name', (d) => (d.people.sekretariat.name = 'Sekr\u0000etariat'), 'people.sekretariat.name', 'control'],
  ['a control character in a title', (d) => (sbv(d).title = 'SBV\u001b[31m'), 'subAnalyses[0].title', 'control'],
  [
    'a 390-character local part',
    (d) => (d.people.sekretariat.email = `${'a'.repeat(390)}@example.org`),
    'people.sekretariat.email',
    'at most 254 characters, and the part before the @ at most 64',
  ],
  [
    'a 65-character local part',
    (d) => (d.people.sekretariat.email = `${'a'.repeat(65)}@example.org`),
    'people.sekretariat.email',
    'at most 64',
  ],
  [
    'a phase from 1970',
    (d) => {
      delete phase(d, 1).weeks;
      Object.assign(phase(d, 1), { from: '1970-W01', to: '2025-W20' });
    },
    'subAnalyses[0].phases[1].from',
    'Must be a week of 2025 or 2026',
  ],
  [
    'a phase until 2200',
    (d) => {
      delete phase(d, 1).weeks;
      Object.assign(phase(d, 1), { from: '2025-W14', to: '2200-W52' });
    },
    'subAnalyses[0].phases[1].to',
    'Must be a week of 2025 or 2026',
  ],
];

describe('invalid definitions', () => {
  it('has more than 100 cases', () => {
    expect(cases.length).toBeGreaterThan(100);
  });

  it.each(cases)('%s', (_name, mutate, path, message) => {
    const d = defaultRaw();
    mutate(d);
    const result = validateDefinition(d);
    expect(result.valid).toBe(false);
    expect(result.definition).toBeUndefined();
    const match = result.errors.find((e) => e.path === path && e.message.includes(message));
    if (!match) throw new Error(`expected ${path}: ${message}\ngot ${JSON.stringify(result.errors, null, 2)}`);
  });

  it('rejects what is not a mapping', () => {
    expect(validateDefinition(null).errors).toEqual([
      { path: '', message: 'Expected a mapping of fields, but found null.' },
    ]);
    expect(validateDefinition([1, 2]).errors[0].message).toContain('found a list');
    expect(validateDefinition('id: x').errors[0].message).toContain('found the text');
    expect(validateDefinition(undefined).errors).toEqual([{ path: '', message: 'The definition is empty.' }]);
  });

  it('reports every problem at once, schema and cross-field alike', () => {
    const d = defaultRaw();
    d.people.sekretariat.email = 'nope';
    d.reminders.time = '9';
    phase(d, 1).after.push('2C');
    phase(d, 4).gate.meeting = 'udvalg-juli';
    d.subAnalyses[1].phases[0].weeks = '13-53';
    d.committee.meetings[1].materialDue = { week: 36 };
    d.subAnalyses[2].projectLeads = ['ghost'];
    delete d.subAnalyses[3].title;
    const paths = validateDefinition(d).errors.map((e) => e.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'people.sekretariat.email',
        'reminders.time',
        'subAnalyses[0].phases[3].after[0]',
        'subAnalyses[0].phases[4].gate.meeting',
        'subAnalyses[1].phases[0].weeks',
        'committee.meetings[1].materialDue',
        'subAnalyses[2].projectLeads[0]',
        'subAnalyses[3].title',
      ]),
    );
    expect(paths).toHaveLength(8);
  });

  it('reports a cycle once, however many phases it has', () => {
    const d = defaultRaw();
    phase(d, 0).after = ['3'];
    const cycles = validateDefinition(d).errors.filter((e) => e.message.includes('cycle'));
    expect(cycles).toHaveLength(1);
  });
});

describe('valid definitions', () => {
  it('accepts the default programme and applies defaults', () => {
    const d = defaultRaw();
    delete d.timezone;
    delete d.holidays;
    delete d.reminders;
    delete d.committee.packageLeadDays;
    const result = validateDefinition(d);
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
    expect(result.definition).toMatchObject({
      timezone: 'Europe/Copenhagen',
      holidays: 'dk',
      closedDays: [],
      reminders: { beforeDue: [5, 1], onDueDay: true, overdueEvery: 5, time: '09:00' },
      committee: { packageLeadDays: 5 },
    });
  });

  it('warns that SBV material for June is due before phase 2C', () => {
    const { warnings } = validateDefinition(defaultRaw());
    expect(warnings).toContainEqual({
      path: 'subAnalyses[0].deliverables[0]',
      message:
        "The material for meeting 'udvalg-juni' is due on 2025-05-05, before phase 2C (due 2025-05-23), which should produce it.",
    });
  });

  it('warns about SBV phase 3 due in the summer holiday, and nothing else of that kind', () => {
    const summer = validateDefinition(defaultRaw()).warnings.filter((w) => w.message.includes('summer'));
    expect(summer).toEqual([
      {
        path: 'subAnalyses[0].phases[4]',
        message: 'Phase 3 is due on 2025-07-11 (week 28), inside the summer holiday weeks 28–31.',
      },
    ]);
  });

  it('uses producedBy, when given, for the material warning', () => {
    const d = defaultRaw();
    sbv(d).deliverables[0].producedBy = '1';
    expect(validateDefinition(d).warnings.some((w) => w.path === 'subAnalyses[0].deliverables[0]')).toBe(false);
    sbv(d).deliverables[1].producedBy = '3';
    d.committee.meetings[1].materialDue = { week: 27 };
    expect(validateDefinition(d).warnings).toContainEqual({
      path: 'subAnalyses[0].deliverables[1]',
      message:
        "The material for meeting 'udvalg-august' is due on 2025-07-04, before phase 3 (due 2025-07-11), which should produce it.",
    });
  });

  it('warns about unknown fields but keeps the definition valid', () => {
    const d = defaultRaw();
    d.owner = 'BA';
    phase(d, 0).colour = 'blue';
    juni(d).date = { week: 23, weekday: 'monday', note: 'x' };
    const result = validateDefinition(d);
    expect(result.valid).toBe(true);
    expect(result.warnings).toEqual(
      expect.arrayContaining([
        { path: 'owner', message: "Unknown field 'owner'; it is ignored." },
        { path: 'subAnalyses[0].phases[0].colour', message: "Unknown field 'colour'; it is ignored." },
        { path: 'committee.meetings[0].date.note', message: "Unknown field 'note'; it is ignored." },
      ]),
    );
    expect(result.definition).not.toHaveProperty('owner');
  });

  it('warns about other suspicious plans', () => {
    const d = defaultRaw();
    phase(d, 1).weeks = '13-16'; // 2A before phase 1, which it waits for, is due
    phase(d, 4).weeks = '22-28'; // phase 3 before the June meeting it waits for
    juni(d).date = '2025-05-31'; // a Saturday
    d.people['it-chef'].email = 'STADSDIREKTOER@example.org';
    const paths = validateDefinition(d).warnings.map((w) => w.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'subAnalyses[0].phases[1].after[0]',
        'subAnalyses[0].phases[4].gate.meeting',
        'committee.meetings[0].date',
        'people.it-chef.email',
      ]),
    );
  });

  it('accepts week 53 in 2026', () => {
    const d = defaultRaw();
    d.year = 2026;
    d.committee.meetings = [];
    for (const s of d.subAnalyses) {
      s.deliverables = [];
      for (const p of s.phases) delete p.gate;
    }
    phase(d, 4).weeks = '50-53';
    const result = validateDefinition(d);
    expect(result.errors).toEqual([]);
  });

  it('accepts line breaks and tabs in text, a 64-character local part, and a phase into the next year', () => {
    const d = defaultRaw();
    sbv(d).title = 'Linje 1\nLinje 2\tmed tab';
    d.people.sekretariat.email = `${'a'.repeat(64)}@example.org`;
    delete phase(d, 4).weeks;
    Object.assign(phase(d, 4), { from: '2025-W50', to: '2026-W02' });
    expect(validateDefinition(d).errors).toEqual([]);
  });

  it('accepts codes written as numbers', () => {
    const d = defaultRaw();
    phase(d, 0).code = 1;
    phase(d, 1).after = [1];
    const result = validateDefinition(d);
    expect(result.valid).toBe(true);
    expect(result.definition!.subAnalyses[0].phases[1].after).toEqual(['1']);
  });
});

describe('formatPath', () => {
  it('writes paths the way the API shows them', () => {
    expect(formatPath(['subAnalyses', 0, 'phases', 3, 'after', 0])).toBe('subAnalyses[0].phases[3].after[0]');
    expect(formatPath(['people', 'leder-sbv-1', 'email'])).toBe('people.leder-sbv-1.email');
    expect(formatPath(['people', 'a b'])).toBe('people["a b"]');
    expect(formatPath([])).toBe('');
  });
});
