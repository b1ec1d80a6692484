-- Workspaces a team starts, archives and deletes itself.
ALTER TABLE "workspaces" ADD COLUMN "archivedAt" TIMESTAMP(3);
ALTER TABLE "memberships" ADD COLUMN "lastUsedAt" TIMESTAMP(3);

-- The activity log stays append-only, except that it goes with its workspace: rows whose
-- workspace no longer exists (a DELETE of the workspace cascading to them) may be deleted.
CREATE OR REPLACE FUNCTION "activity_events_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND NOT EXISTS (SELECT 1 FROM "workspaces" WHERE "id" = OLD."workspaceId") THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'the activity log is append-only' USING ERRCODE = 'insufficient_privilege';
END $$;
