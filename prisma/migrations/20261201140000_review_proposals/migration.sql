-- Review mode: a reviewer role, a per-workspace switch, proposals on cells and their notifications.
-- The new enum values are not used in this migration, so adding them inside its transaction is safe.
ALTER TYPE "Role" ADD VALUE 'REVIEWER' BEFORE 'EDITOR';
ALTER TYPE "NotificationKind" ADD VALUE 'PROPOSAL_WAITING';
ALTER TYPE "NotificationKind" ADD VALUE 'PROPOSAL_ACCEPTED';
ALTER TYPE "NotificationKind" ADD VALUE 'PROPOSAL_REJECTED';

ALTER TABLE "workspaces" ADD COLUMN "reviewMode" BOOLEAN NOT NULL DEFAULT false;

CREATE TYPE "ProposalKind" AS ENUM ('RECORD', 'CORRECT', 'RETRACT');
CREATE TYPE "ProposalStatus" AS ENUM ('OPEN', 'ACCEPTED', 'REJECTED');

CREATE TABLE "stance_proposals" (
  "id" UUID NOT NULL,
  "workspaceId" UUID NOT NULL,
  "issueId" UUID NOT NULL,
  "partyId" UUID NOT NULL,
  "kind" "ProposalKind" NOT NULL,
  "baseVersion" INTEGER NOT NULL,
  "targetStatementId" UUID,
  "position" "Position",
  "summary" TEXT,
  "statedOn" DATE,
  "confidence" "Confidence",
  "confidenceRationale" TEXT,
  "links" JSONB NOT NULL DEFAULT '[]',
  "reason" TEXT,
  "rationale" TEXT NOT NULL DEFAULT '',
  "status" "ProposalStatus" NOT NULL DEFAULT 'OPEN',
  "proposedById" UUID,
  "proposedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "decidedById" UUID,
  "decidedAt" TIMESTAMP(3),
  "decisionRationale" TEXT,
  "statementId" UUID,
  CONSTRAINT "stance_proposals_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "stance_proposals_base_version" CHECK ("baseVersion" >= 0),
  CONSTRAINT "stance_proposals_summary_length" CHECK (char_length("summary") BETWEEN 1 AND 600),
  CONSTRAINT "stance_proposals_confidence_rationale_length" CHECK (char_length("confidenceRationale") BETWEEN 1 AND 500),
  CONSTRAINT "stance_proposals_reason_length" CHECK (char_length("reason") BETWEEN 1 AND 1000),
  CONSTRAINT "stance_proposals_rationale_length" CHECK (char_length("rationale") <= 2000),
  CONSTRAINT "stance_proposals_decision_rationale_length" CHECK (char_length("decisionRationale") BETWEEN 1 AND 2000),
  -- A record or correction carries the statement it would write; a correction or retraction names its target.
  CONSTRAINT "stance_proposals_shape" CHECK (
    ("kind" = 'RETRACT' OR ("position" IS NOT NULL AND "summary" IS NOT NULL AND "statedOn" IS NOT NULL))
    AND ("kind" = 'RECORD' OR ("targetStatementId" IS NOT NULL AND "reason" IS NOT NULL))
  ),
  CONSTRAINT "stance_proposals_decision" CHECK (("status" = 'OPEN') = ("decidedAt" IS NULL))
);

CREATE INDEX "stance_proposals_workspaceId_status_proposedAt_idx" ON "stance_proposals"("workspaceId", "status", "proposedAt");
CREATE INDEX "stance_proposals_workspaceId_issueId_partyId_status_idx" ON "stance_proposals"("workspaceId", "issueId", "partyId", "status");

ALTER TABLE "stance_proposals" ADD CONSTRAINT "stance_proposals_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "stance_proposals" ADD CONSTRAINT "stance_proposals_workspaceId_issueId_fkey" FOREIGN KEY ("workspaceId", "issueId") REFERENCES "issues"("workspaceId", "id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "stance_proposals" ADD CONSTRAINT "stance_proposals_workspaceId_partyId_fkey" FOREIGN KEY ("workspaceId", "partyId") REFERENCES "parties"("workspaceId", "id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "stance_proposals" ADD CONSTRAINT "stance_proposals_targetStatementId_fkey" FOREIGN KEY ("targetStatementId") REFERENCES "stance_statements"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "stance_proposals" ADD CONSTRAINT "stance_proposals_statementId_fkey" FOREIGN KEY ("statementId") REFERENCES "stance_statements"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "stance_proposals" ADD CONSTRAINT "stance_proposals_proposedById_fkey" FOREIGN KEY ("proposedById") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "stance_proposals" ADD CONSTRAINT "stance_proposals_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

ALTER TABLE "notifications" ADD COLUMN "proposalId" UUID;
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "stance_proposals"("id") ON DELETE CASCADE ON UPDATE CASCADE;
