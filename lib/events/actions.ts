"use server";

import { revalidatePath } from "next/cache";
import { createEvent, deleteEvent, updateEvent } from "@/lib/events/mutations";
import { CreateEventSchema, EventIdSchema, UpdateEventSchema } from "@/lib/events/schema";
import { orRefuse, workspaceAction } from "@/lib/safe-action";

// Events show on the events page, the matrix's date control, cell histories and the convergence
// digest: a change revalidates the whole workspace.
const revalidateWorkspace = (slug: string) => revalidatePath(`/w/${slug}`, "layout");

export const createEventAction = workspaceAction
  .metadata({ name: "createEvent", permission: "structure:write" })
  .inputSchema(CreateEventSchema)
  .action(async ({ parsedInput: { workspaceSlug: _slug, ...input }, ctx }) => {
    const done = orRefuse(await createEvent(ctx.workspace, input));
    revalidateWorkspace(ctx.workspace.slug);
    return done;
  });

export const updateEventAction = workspaceAction
  .metadata({ name: "updateEvent", permission: "structure:write" })
  .inputSchema(UpdateEventSchema)
  .action(async ({ parsedInput: { workspaceSlug: _slug, eventId, ...input }, ctx }) => {
    const done = orRefuse(await updateEvent(ctx.workspace, eventId, input));
    revalidateWorkspace(ctx.workspace.slug);
    return done;
  });

export const deleteEventAction = workspaceAction
  .metadata({ name: "deleteEvent", permission: "structure:write" })
  .inputSchema(EventIdSchema)
  .action(async ({ parsedInput, ctx }) => {
    const done = orRefuse(await deleteEvent(ctx.workspace, parsedInput.eventId));
    revalidateWorkspace(ctx.workspace.slug);
    return done;
  });
