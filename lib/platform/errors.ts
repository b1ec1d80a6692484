// The one vocabulary of expected failures. A mutation returns a Failure for what a user can cause
// (a missing row, a stale version, a taken name); anything else throws. lib/safe-action.ts turns a
// returned Failure, or a thrown AppError such as the gate's AccessError, into the action's
// `serverError`, and components/ui/action-error.tsx into the message a form shows.

export const ERROR_CODES = [
  // the gate and the action client
  "unauthenticated",
  "invalid_token",
  "session_required",
  "forbidden",
  "archived",
  "invalid_input",
  "internal_error",
  "throttled",
  // rows that are missing, or belong to another workspace (they answer alike)
  "not_found",
  "evidence_not_found",
  "statement_not_found",
  "speaker_not_found",
  "passage_not_found",
  "quote_not_found",
  "original_not_found",
  // someone else changed it first
  "conflict",
  "stale",
  "stale_order",
  "stale_revision",
  "changed",
  "already_amended",
  "already_decided",
  "already_linked",
  "already_paired",
  "comment_deleted",
  // the change would break a rule of the domain
  "duplicate",
  "last_owner",
  "same_person",
  "unchanged",
  "chain",
  "paired_quotes",
  "passage_ambiguous",
  "anchor_mismatch",
  "date_required",
  "not_a_translation",
  "not_an_original",
  "not_a_coder",
  "closed",
  "too_few_quotes",
  "no_document",
  "not_answerable",
  "nothing_to_import",
  "confirmation",
  "slug_taken",
  "invalid_slug",
  // files and uploads
  "invalid_file",
  "bad_file",
  "unsupported_file",
  "too_large",
  "invalid_request",
  "too_many_running",
  "daily_limit",
  // accounts and invitations
  "wrong_password",
  "email_taken",
  "sign_up_closed",
  "sign_in_failed",
  "invalid_workspace",
  "invitation_unusable",
  "invitation_other_email",
  "invitation_code_required",
  "invitation_code_wrong",
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** Messages per form field, as the action client's flattened validation errors give them. */
export type FieldErrors = Record<string, string[]>;

/** An expected failure, returned rather than thrown. */
export type Failure<C extends ErrorCode = ErrorCode> = {
  ok: false;
  code: C;
  message: string;
  fields?: FieldErrors;
  /** Machine-readable particulars for the client (when to retry, say). */
  details?: Record<string, unknown>;
};

/** A failure whose details its caller relies on (the cell as it now is, after a conflict). */
export type FailureWith<C extends ErrorCode, D extends Record<string, unknown>> = Failure<C> & { details: D };

export type Success<T extends object = object> = { ok: true } & T;

export type Result<T extends object = object, C extends ErrorCode = ErrorCode> = Success<T> | Failure<C>;

export function ok(): Success;
export function ok<T extends object>(value: T): Success<T>;
export function ok(value: object = {}) {
  return { ok: true, ...value };
}

export function fail<C extends ErrorCode>(
  code: C,
  message: string,
  extra?: { fields?: FieldErrors; details?: Record<string, unknown> },
): Failure<C> {
  return { ok: false, code, message, ...extra };
}

export function failWith<C extends ErrorCode, D extends Record<string, unknown>>(
  code: C,
  message: string,
  details: D,
): FailureWith<C, D> {
  return { ok: false, code, message, details };
}

/** A failure that belongs to one input of a form: `fields` carries its message for that input. */
export function failOn<C extends ErrorCode>(
  field: string,
  code: C,
  message: string,
  details?: Record<string, unknown>,
): Failure<C> {
  return fail(code, message, { fields: { [field]: [message] }, ...(details ? { details } : {}) });
}

/** What a failure tells its caller: the code, the message, and fields or details when it has them. */
export function describeFailure(failure: Failure | AppError): Omit<Failure, "ok"> {
  const { code, message, fields, details } = failure;
  return { code, message, ...(fields ? { fields } : {}), ...(details ? { details } : {}) };
}

/**
 * A failure with a code of the vocabulary, thrown where returning it is not possible: the gate's
 * refusals (AccessError) and `unwrap` for callers that do not expect one.
 */
export class AppError<C extends ErrorCode = ErrorCode> extends Error {
  constructor(
    readonly code: C,
    message: string,
    readonly fields?: FieldErrors,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = "AppError";
  }
}

/** The gate's refusals (lib/workspaces/access.ts), which route handlers answer with 401, 403 or 404. */
export class AccessError extends AppError<
  "unauthenticated" | "invalid_token" | "session_required" | "not_found" | "forbidden" | "archived"
> {
  override name = "AccessError";
}

/** The value of a result whose failure would be a bug for this caller (seeds, imports, tests). */
export function unwrap<T extends object>(result: Result<T>): Success<T> {
  if (!result.ok) throw new AppError(result.code, result.message, result.fields, result.details);
  return result;
}
