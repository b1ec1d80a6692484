-- Qualities of a stance: a red line (stated as non-negotiable), and a conditional offer's condition,
-- in words and/or as another cell of the same workspace (composite keys refuse another
-- workspace's issue or party) that must stand at a minimum step of the ordinal scale.
-- AlterTable
ALTER TABLE "stance_statements" ADD COLUMN     "conditionIssueId" UUID,
ADD COLUMN     "conditionMinPosition" "Position",
ADD COLUMN     "conditionPartyId" UUID,
ADD COLUMN     "conditionText" TEXT,
ADD COLUMN     "redLine" BOOLEAN NOT NULL DEFAULT false;

-- AddForeignKey
ALTER TABLE "stance_statements" ADD CONSTRAINT "stance_statements_workspaceId_conditionIssueId_fkey" FOREIGN KEY ("workspaceId", "conditionIssueId") REFERENCES "issues"("workspaceId", "id") ON DELETE NO ACTION ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "stance_statements" ADD CONSTRAINT "stance_statements_workspaceId_conditionPartyId_fkey" FOREIGN KEY ("workspaceId", "conditionPartyId") REFERENCES "parties"("workspaceId", "id") ON DELETE NO ACTION ON UPDATE NO ACTION;


ALTER TABLE "stance_statements"
  ADD CONSTRAINT "stance_statements_condition_text_length" CHECK (char_length("conditionText") BETWEEN 1 AND 1000),
  ADD CONSTRAINT "stance_statements_condition_cell_complete" CHECK (
    ("conditionIssueId" IS NULL) = ("conditionPartyId" IS NULL)
    AND ("conditionIssueId" IS NULL) = ("conditionMinPosition" IS NULL)),
  ADD CONSTRAINT "stance_statements_condition_min_on_scale" CHECK (
    "conditionMinPosition" IS NULL OR "conditionMinPosition" IN ('REJECTS', 'OPPOSES', 'OPEN', 'SUPPORTS', 'DEMANDS'));
