import { ERRORS, type ErrorCode } from '../../contract/errors.js';

export interface FieldError {
  path: string;
  message: string;
  /** 0-based character offset, for formula errors. */
  position?: number;
  /** The formula line with a caret under `position`. */
  pointer?: string;
}

/** What a problem carries beyond its code: field errors, the current state (409), what needs confirming. */
export interface ProblemExtra {
  errors?: FieldError[];
  current?: unknown;
  warnings?: Record<string, unknown>[];
}

/** A failure the client can act on; rendered as problem+json by the error handler. */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    readonly detail?: string,
    readonly extra: ProblemExtra = {},
  ) {
    super(detail ?? ERRORS[code].title);
    this.status = ERRORS[code].status;
  }
}

export const notFound = (what = 'This resource') => new AppError('not_found', `${what} does not exist or you cannot see it.`);
export const forbidden = (detail?: string) => new AppError('forbidden', detail);
export const versionConflict = (current: unknown) =>
  new AppError('version_conflict', 'The version you edited is not the latest. Reload, reapply your change and save again.', {
    current,
  });
export const invalid = (errors: FieldError[], detail?: string) => new AppError('validation_failed', detail, { errors });
