import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { ERRORS, type ErrorCode, PROBLEM_TYPE_BASE } from '../../contract/errors.js';
import { AppError, type FieldError, type ProblemExtra } from './errors.js';

interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail?: string;
  code: ErrorCode;
  errors?: FieldError[];
  current?: unknown;
  warnings?: Record<string, unknown>[];
}

export function problemFor(code: ErrorCode, detail?: string, extra: ProblemExtra = {}): ProblemBody {
  const { status, title } = ERRORS[code];
  return { type: `${PROBLEM_TYPE_BASE}${code}`, title, status, ...(detail !== undefined && { detail }), code, ...extra };
}

export function sendProblem(reply: FastifyReply, problem: ProblemBody): FastifyReply {
  return reply.code(problem.status).type('application/problem+json; charset=utf-8').send(JSON.stringify(problem));
}

const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload_too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'validation_failed',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'malformed_json',
  FST_ERR_CTP_INVALID_JSON_BODY: 'malformed_json',
  FST_ERR_BAD_URL: 'not_found',
  FST_ERR_ASYNC_CONSTRAINT: 'not_found',
};

/** Turns every failure into RFC 9457 problem+json with a code from the catalogue. */
export function errorHandler(error: FastifyError | AppError | Error, request: FastifyRequest, reply: FastifyReply) {
  if (error instanceof AppError) return sendProblem(reply, problemFor(error.code, error.detail, error.extra));

  if (hasZodFastifySchemaValidationErrors(error)) {
    const where = (error as FastifyError).validationContext ?? 'body';
    const errors = error.validation.map((v) => ({
      path: [where, ...v.instancePath.split('/').filter(Boolean)].join('.'),
      message:
        v.keyword === 'unrecognized_keys'
          ? `Unknown field(s): ${String((v.params as { keys?: string[] }).keys ?? [])}`
          : (v.message ?? 'Invalid value'),
    }));
    return sendProblem(reply, problemFor('validation_failed', `Check ${errors.map((e) => e.path).join(', ')}.`, { errors }));
  }

  if (isResponseSerializationError(error)) {
    request.log.error({ err: error }, 'response did not match its schema');
    return sendProblem(reply, problemFor('internal'));
  }

  const fastifyCode = (error as FastifyError).code;
  const mapped = fastifyCode ? FASTIFY_CODES[fastifyCode] : undefined;
  if (mapped) return sendProblem(reply, problemFor(mapped, error.message));
  if (error instanceof SyntaxError) return sendProblem(reply, problemFor('malformed_json', error.message));

  const status = (error as FastifyError).statusCode;
  if (status === 429) return sendProblem(reply, problemFor('rate_limited', error.message));
  if (status !== undefined && status >= 400 && status < 500) {
    return sendProblem(
      reply,
      problemFor(
        status === 404
          ? 'not_found'
          : status === 413
            ? 'payload_too_large'
            : status === 415
              ? 'unsupported_media_type'
              : 'validation_failed',
        error.message,
      ),
    );
  }
  if (isUniqueViolation(error))
    return sendProblem(reply, problemFor('conflict', 'Something with the same unique value was created at the same time; try again.'));
  if (isDatabaseUnavailable(error)) {
    request.log.error({ err: error }, 'database unavailable');
    return sendProblem(
      reply.header('retry-after', '2'),
      problemFor('unavailable', 'The database is not reachable; try again in a moment.'),
    );
  }
  request.log.error({ err: error }, 'unhandled error');
  return sendProblem(reply, problemFor('internal'));
}

function isDatabaseUnavailable(error: Error): boolean {
  const code = (error as { code?: string }).code;
  return (
    code === 'ECONNREFUSED' ||
    code === 'ECONNRESET' ||
    code === '57P01' ||
    code === '57P03' ||
    code === 'SQLITE_BUSY' ||
    /Connection terminated/i.test(error.message)
  );
}

function isUniqueViolation(error: Error): boolean {
  const code = (error as { code?: string }).code;
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === '23505';
}
