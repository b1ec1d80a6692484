-- The activity log is read for sync in the order its transactions committed, not its ids': an id
-- is taken when a row is written, and a long transaction (a stance import) can commit rows with
-- ids below ones a reader has already passed. Each row keeps its transaction's id; a reader takes
-- only rows of transactions older than every one still running, in (xid, id) order.
ALTER TABLE "activity_events" ADD COLUMN "xid" xid8 NOT NULL DEFAULT pg_current_xact_id();
CREATE INDEX "activity_events_workspaceId_xid_id_idx" ON "activity_events"("workspaceId", "xid", "id");
