/**
 * The error catalogue: every problem+json answer carries one of these stable codes.
 * Clients branch on `code`, never on `title` or `detail` (which may be translated or reworded).
 */
export const ERRORS = {
  validation_failed: { status: 400, title: 'The request is not valid' },
  malformed_json: { status: 400, title: 'The request body is not valid JSON' },
  unauthenticated: { status: 401, title: 'Sign in to continue' },
  invalid_credentials: { status: 401, title: 'Wrong email or password' },
  forbidden: { status: 403, title: 'Your role does not allow this' },
  csrf_failed: { status: 403, title: 'Missing or wrong CSRF token' },
  not_found: { status: 404, title: 'Not found' },
  method_not_allowed: { status: 405, title: 'Method not allowed' },
  version_conflict: { status: 409, title: 'Someone else changed this first' },
  conflict: { status: 409, title: 'This conflicts with existing data' },
  confirmation_required: { status: 409, title: 'This needs your confirmation' },
  slug_taken: { status: 409, title: 'That slug is already taken' },
  already_member: { status: 409, title: 'That person is already a member or invited' },
  setup_done: { status: 409, title: 'Cairn is already set up' },
  email_taken: { status: 409, title: 'An account with that email already exists' },
  payload_too_large: { status: 413, title: 'The request body is too large' },
  unsupported_media_type: { status: 415, title: 'Unsupported content type' },
  rule_violated: { status: 422, title: 'This breaks a product rule' },
  stage_transition_not_allowed: { status: 422, title: 'This stage change is not allowed' },
  last_owner: { status: 422, title: 'A workspace needs at least one owner' },
  invitation_invalid: { status: 422, title: 'This invitation is not valid any more' },
  precondition_required: { status: 428, title: 'Send the version you edited (If-Match header or version field)' },
  rate_limited: { status: 429, title: 'Too many requests' },
  internal: { status: 500, title: 'Something went wrong on our side' },
  unavailable: { status: 503, title: 'The service is not available right now' },
} as const satisfies Record<string, { status: number; title: string }>;

export type ErrorCode = keyof typeof ERRORS;

export const PROBLEM_TYPE_BASE = 'urn:cairn:problem:';
