import "server-only";
import { createSafeActionClient, isNavigationError, returnServerError } from "next-safe-action";
import { z } from "zod";
import { isDataException } from "@/lib/platform/db/errors";
import {
  AccessError,
  AppError,
  describeFailure,
  type ErrorCode,
  type Failure,
  type FieldErrors,
  fail,
  type Success,
} from "@/lib/platform/errors";
import { metrics } from "@/lib/platform/observability/metrics";
import { authorizeWorkspace, PERMISSIONS, type Permission, requireUserId } from "@/lib/workspaces/access";
import { WorkspaceSlugSchema } from "@/lib/workspaces/schema";

// The one entry point for server actions. Every action is a public endpoint: it states the
// permission it needs in its metadata, and the middleware below resolves session → membership →
// role before the action's own code runs. The one place where failures become answers: a
// mutation's returned Failure (through `orRefuse`) and a thrown AppError (the gate's AccessError)
// come back as serverError values; anything unexpected is logged and answered with a generic message.

export type ActionFailure = {
  code: ErrorCode;
  message: string;
  fields?: FieldErrors;
  details?: Record<string, unknown>;
};

const permissionNames = Object.keys(PERMISSIONS) as [Permission, ...Permission[]];

const baseClient = createSafeActionClient({
  defineMetadataSchema: () => z.object({ name: z.string(), permission: z.enum(permissionNames).optional() }),
  defaultValidationErrorsShape: "flattened",
  handleServerError(error): ActionFailure {
    if (error instanceof AppError) return describeFailure(error);
    if (isDataException(error)) {
      console.warn("input refused by the database, not by its schema:", error);
      return {
        code: "invalid_input",
        message:
          "Part of the input cannot be stored (an invisible character or a value out of range); nothing was saved.",
      };
    }
    console.error(error);
    return { code: "internal_error", message: "Something went wrong on our side; nothing was saved. Try again." };
  },
});

function actionOutcome(result: {
  success: boolean;
  serverError?: ActionFailure;
  validationErrors?: unknown;
  navigationKind?: unknown;
}) {
  if (result.validationErrors) return "invalid";
  if (result.serverError) return result.serverError.code === "internal_error" ? "error" : "refused";
  return result.success || result.navigationKind ? "ok" : "error";
}

// Outermost middleware, so it times the access checks too. A navigation (redirect) is thrown
// through it and counts as ok.
export const actionClient = baseClient.use(async ({ next, metadata }) => {
  const started = process.hrtime.bigint();
  let outcome = "ok";
  try {
    const result = await next();
    outcome = actionOutcome(result);
    return result;
  } catch (error) {
    if (!isNavigationError(error)) outcome = "error";
    throw error;
  } finally {
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    metrics().actionDuration.observe({ action: metadata.name, outcome }, seconds);
  }
});

/** Actions of a signed-in user that concern no particular workspace (account, invitations). */
export const userAction = actionClient.use(async ({ next }) => next({ ctx: { userId: await requireUserId() } }));

const WorkspaceInputSchema = z.object({ workspaceSlug: WorkspaceSlugSchema });

/** Actions on a workspace: the input names it by `workspaceSlug`; metadata names the permission. */
export const workspaceAction = actionClient.use(async ({ next, clientInput, metadata }) => {
  if (!metadata.permission) throw new Error(`action ${metadata.name} declares no permission`);
  const userId = await requireUserId();
  const input = WorkspaceInputSchema.safeParse(clientInput);
  if (!input.success) throw new AccessError("not_found", "No such workspace.");
  const workspace = await authorizeWorkspace(input.data.workspaceSlug, metadata.permission);
  return next({ ctx: { userId, workspace } });
});

/**
 * An action's answer to what its mutation returned: the value without its `ok`, or, for a
 * Failure, the action's serverError (the client sees `{ code, message }`, as for AccessError).
 */
export function orRefuse<T extends object>(result: Success<T> | Failure): Omit<T, "ok"> {
  if (!result.ok) return returnServerError<ActionFailure>(describeFailure(result));
  const { ok: _ok, ...value } = result;
  return value as Omit<T, "ok">;
}

/** Refuses the action with an expected failure that no mutation returned (throttled, closed sign-up…). */
export function refuse(...args: Parameters<typeof fail>): never {
  return returnServerError<ActionFailure>(describeFailure(fail(...args)));
}
