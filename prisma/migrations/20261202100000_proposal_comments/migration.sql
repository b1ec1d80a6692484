-- A comment may also be on a proposal, so a competing reading is discussed before it is decided.
CREATE UNIQUE INDEX "stance_proposals_workspaceId_id_key" ON "stance_proposals"("workspaceId", "id");

ALTER TABLE "comments" ADD COLUMN "proposalId" UUID;

ALTER TABLE "comments" ADD CONSTRAINT "comments_workspaceId_proposalId_fkey" FOREIGN KEY ("workspaceId", "proposalId") REFERENCES "stance_proposals"("workspaceId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE INDEX "comments_workspaceId_proposalId_createdAt_idx" ON "comments"("workspaceId", "proposalId", "createdAt");

ALTER TABLE "comments"
  DROP CONSTRAINT "comments_target",
  ADD CONSTRAINT "comments_target" CHECK (num_nonnulls("evidenceId", "statementId", "proposalId") = 1);
