"use server";

import { revalidatePath } from "next/cache";
import {
  followCell,
  markAllNotificationsRead,
  markNotificationRead,
  unfollowCell,
} from "@/lib/notifications/mutations";
import { CellFollowSchema, NotificationIdSchema } from "@/lib/notifications/schema";
import { orRefuse, userAction, workspaceAction } from "@/lib/safe-action";

export const markNotificationReadAction = userAction
  .metadata({ name: "markNotificationRead" })
  .inputSchema(NotificationIdSchema)
  .action(async ({ parsedInput, ctx }) => {
    await markNotificationRead(ctx.userId, parsedInput.notificationId);
    revalidatePath("/inbox");
    return { read: true };
  });

export const markAllNotificationsReadAction = userAction
  .metadata({ name: "markAllNotificationsRead" })
  .action(async ({ ctx }) => {
    const count = await markAllNotificationsRead(ctx.userId);
    revalidatePath("/inbox");
    return { count };
  });

export const followCellAction = workspaceAction
  .metadata({ name: "followCell", permission: "workspace:read" })
  .inputSchema(CellFollowSchema)
  .action(async ({ parsedInput: { issueId, partyId }, ctx }) => {
    orRefuse(await followCell(ctx.workspace, { issueId, partyId }));
    revalidatePath(`/w/${ctx.workspace.slug}/cells/${issueId}/${partyId}`);
    return { following: true };
  });

export const unfollowCellAction = workspaceAction
  .metadata({ name: "unfollowCell", permission: "workspace:read" })
  .inputSchema(CellFollowSchema)
  .action(async ({ parsedInput: { issueId, partyId }, ctx }) => {
    orRefuse(await unfollowCell(ctx.workspace, { issueId, partyId }));
    revalidatePath(`/w/${ctx.workspace.slug}/cells/${issueId}/${partyId}`);
    return { following: false };
  });
