import {
  assignmentDashboardSchema,
  assignmentDetailSchema,
  assignmentListSchema,
  assignmentSchema,
  createAssignmentBody,
  scoreBody,
  submitAssignmentBody,
  threadCriterionBody,
  updateAssignmentBody,
  workContextSchema,
} from '@dongbi/schema'

const json = (name: string) => ({ content: { 'application/json': { schema: { $ref: `#/components/schemas/${name}` } } } })
const ok = (description: string, schema: string) => ({ description, ...json(schema) })
const error = (description: string) => ({ description, ...json('Error') })
const body = (schema: string) => ({ required: true, ...json(schema) })
const param = (name: string) => ({ name, in: 'path', required: true, schema: { type: 'string' } })
const signedIn = { 401: error('Not signed in'), 403: error('Not allowed') }
const hidden = error('Unknown id, or nothing to do with the caller')

/** The schemas of assignments (作业) and rubrics, by component name. */
export const assignmentComponents = {
  Assignment: assignmentSchema,
  AssignmentList: assignmentListSchema,
  AssignmentDetail: assignmentDetailSchema,
  CreateAssignment: createAssignmentBody,
  UpdateAssignment: updateAssignmentBody,
  SubmitAssignment: submitAssignmentBody,
  AssignmentDashboard: assignmentDashboardSchema,
  WorkContext: workContextSchema,
  ScoreWork: scoreBody,
  ThreadCriterion: threadCriterionBody,
}

/** OpenAPI paths of assignments, merged into the API document. */
export const assignmentPaths = {
  '/api/assignments': {
    get: { summary: 'Assignments addressed to me (with my status) and those I may manage', responses: { 200: ok('Assignments', 'AssignmentList'), 401: error('Not signed in') } },
    post: {
      summary: "Set an assignment (a branch's secretaries and mentors, admins): prompt, kind and template, deadline, length range, audience, rubric, reviewer allocation",
      requestBody: body('CreateAssignment'),
      responses: { 201: ok('The assignment', 'Assignment'), 400: error('Invalid body'), ...signedIn, 404: error('Unknown branch') },
    },
  },
  '/api/assignments/{id}': {
    parameters: [param('id')],
    get: { summary: 'An assignment with my own work on it', responses: { 200: ok('The assignment', 'AssignmentDetail'), 401: error('Not signed in'), 404: hidden } },
    patch: {
      summary: 'Edit, close (status=closed) or reopen an assignment (its managers)',
      requestBody: body('UpdateAssignment'),
      responses: { 200: ok('The assignment', 'Assignment'), 400: error('Invalid body'), ...signedIn, 404: hidden },
    },
  },
  '/api/assignments/{id}/start': {
    parameters: [param('id')],
    post: {
      summary: 'Start my document from the assignment template (idempotent: a second start returns the same document)',
      responses: { 200: ok('Already started', 'AssignmentDetail'), 201: ok('Started', 'AssignmentDetail'), ...signedIn, 404: hidden, 409: error('Closed') },
    },
  },
  '/api/assignments/{id}/submit': {
    parameters: [param('id')],
    post: {
      summary: 'Submit my work through the review loop to the allocated reviewer(s); after the deadline it is marked late',
      requestBody: body('SubmitAssignment'),
      responses: { 200: ok('The assignment', 'AssignmentDetail'), 400: error('Invalid body'), ...signedIn, 404: hidden, 409: error('Not started, closed, or already submitted') },
    },
  },
  '/api/assignments/{id}/dashboard': {
    parameters: [param('id'), { name: 'format', in: 'query', schema: { type: 'string', enum: ['json', 'csv'], default: 'json' } }],
    get: {
      summary: 'Progress of every addressed member, score distribution per criterion; format=csv is UTF-8 with BOM, formula cells escaped',
      responses: { 200: ok('The dashboard', 'AssignmentDashboard'), 400: error('Bad query'), ...signedIn, 404: hidden },
    },
  },
  '/api/documents/{id}/assignment': {
    parameters: [param('id')],
    get: { summary: "The assignment a document belongs to, with the scores and criterion-tied comments the caller may see", responses: { 200: ok('The context', 'WorkContext'), 401: error('Not signed in'), 404: error('Unknown or unreadable, or not an assignment document') } },
  },
  '/api/documents/{id}/assignment/scores': {
    parameters: [param('id')],
    put: {
      summary: "Set my rubric sheet for this work (allocated reviewers): a level and an optional note per criterion",
      requestBody: body('ScoreWork'),
      responses: { 200: ok('The context', 'WorkContext'), 400: error('Unknown criterion or level'), ...signedIn, 404: error('Unknown or unreadable'), 409: error('Not submitted') },
    },
  },
  '/api/documents/{id}/threads/{threadId}': {
    parameters: [param('id'), param('threadId')],
    patch: {
      summary: "Tie my comment thread to a rubric criterion of the document's assignment (or untie it with null)",
      requestBody: body('ThreadCriterion'),
      responses: { 200: ok('The thread', 'Thread'), 400: error('Unknown criterion'), ...signedIn, 404: error('Unknown thread, or not an assignment document') },
    },
  },
}
