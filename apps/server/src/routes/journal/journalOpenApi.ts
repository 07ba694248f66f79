import {
  createJournalEntryBody,
  journalCalendarSchema,
  journalEntryListSchema,
  journalEntrySchema,
  journalMentorsSchema,
  journalTagsSchema,
  journalTodaySchema,
  studyTopicsBody,
  studyTopicsSchema,
  updateJournalEntryBody,
} from '@dongbi/schema'

const json = (name: string) => ({ content: { 'application/json': { schema: { $ref: `#/components/schemas/${name}` } } } })
const ok = (description: string, schema: string) => ({ description, ...json(schema) })
const error = (description: string) => ({ description, ...json('Error') })
const body = (schema: string) => ({ required: true, ...json(schema) })
const pathParam = (name: string) => ({ name, in: 'path', required: true, schema: { type: 'string' } })
const query = (name: string, description: string, required = false) => ({ name, in: 'query', required, description, schema: { type: 'string' } })

/** The journal's schemas, merged into the OpenAPI document's components. */
export const journalComponents = {
  JournalEntry: journalEntrySchema,
  JournalEntryList: journalEntryListSchema,
  CreateJournalEntry: createJournalEntryBody,
  UpdateJournalEntry: updateJournalEntryBody,
  JournalCalendar: journalCalendarSchema,
  JournalToday: journalTodaySchema,
  JournalTags: journalTagsSchema,
  JournalMentors: journalMentorsSchema,
  StudyTopics: studyTopicsSchema,
  SetStudyTopics: studyTopicsBody,
}

/** The journal's operations, merged into the OpenAPI document's paths. */
export const journalPaths = {
  '/api/journal/entries': {
    get: {
      summary: 'My journal entries (newest date first), optionally between two dates or with a tag',
      parameters: [query('from', 'YYYY-MM-DD'), query('to', 'YYYY-MM-DD'), query('tag', 'Only entries with this tag'), { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 1000, default: 500 } }],
      responses: { 200: ok('Entries', 'JournalEntryList'), 400: error('Bad query'), 401: error('Not signed in') },
    },
    post: {
      summary: 'Write a journal entry: a private document of kind journal, dated with my local date',
      requestBody: body('CreateJournalEntry'),
      responses: { 201: ok('The new entry; open its document at /d/{id}', 'JournalEntry'), 400: error('Invalid date, tags or title'), 401: error('Not signed in') },
    },
  },
  '/api/journal/entries/{id}': {
    parameters: [pathParam('id')],
    get: { summary: 'One entry (its writer, or someone it was shared with)', responses: { 200: ok('The entry', 'JournalEntry'), 404: error('Unknown or not readable') } },
    patch: {
      summary: "Change an entry's date, tags or prompt (its writer only)",
      requestBody: body('UpdateJournalEntry'),
      responses: { 200: ok('The entry', 'JournalEntry'), 400: error('Invalid body'), 403: error('Not the writer'), 404: error('Unknown or not readable') },
    },
  },
  '/api/journal/calendar': {
    get: {
      summary: 'A month of my journal: entries and 字数 per day, month totals, current and longest streak',
      parameters: [query('month', 'YYYY-MM', true), query('today', 'My local date YYYY-MM-DD (for the current streak); default: the UTC date')],
      responses: { 200: ok('The month', 'JournalCalendar'), 400: error('Bad query'), 401: error('Not signed in') },
    },
  },
  '/api/journal/today': {
    get: {
      summary: "Today's prompts from my branches' study topics (or the built-in ones), today's entries, and entries from a month and a year ago",
      parameters: [query('date', 'My local date YYYY-MM-DD', true)],
      responses: { 200: ok('Today', 'JournalToday'), 400: error('Bad query'), 401: error('Not signed in') },
    },
  },
  '/api/journal/tags': {
    get: { summary: 'The tags I use, most used first', responses: { 200: ok('Tags', 'JournalTags'), 401: error('Not signed in') } },
  },
  '/api/journal/mentors': {
    get: { summary: 'The mentors of my branches, to share an entry with for comments', responses: { 200: ok('Mentors', 'JournalMentors'), 401: error('Not signed in') } },
  },
  '/api/branches/{id}/study-topics': {
    parameters: [pathParam('id'), query('month', 'YYYY-MM', true)],
    get: { summary: "A branch's study topics (专题) for a month (members)", responses: { 200: ok('Topics', 'StudyTopics'), 400: error('Bad month'), 404: error('Unknown or not a member') } },
    put: {
      summary: "Replace a branch's study topics for a month (its secretary or an admin)",
      requestBody: body('SetStudyTopics'),
      responses: { 200: ok('Topics', 'StudyTopics'), 400: error('Invalid topics'), 403: error('Not the secretary'), 404: error('Unknown or not a member') },
    },
  },
}
