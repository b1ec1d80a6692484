-- The convergence heat map (lib/convergence/sql.ts) reads every statement of a workspace in the
-- order of the statements index. Carrying the few columns it needs lets that read stay in the
-- index (an index-only scan) instead of visiting the table once per statement. Prisma's schema
-- cannot declare INCLUDE columns or a partial index, so both live here.
CREATE INDEX "stance_statements_heat_map_idx" ON "stance_statements"
  ("workspaceId", "issueId", "partyId", "statedOn" DESC, "recordedAt" DESC, "id" DESC)
  INCLUDE ("position", "conditionIssueId", "conditionPartyId", "conditionMinPosition");

-- conditionText may be a thousand characters, too wide to carry in an index: the few offers
-- conditional in words alone are found through this one instead.
CREATE INDEX "stance_statements_offers_in_words_idx" ON "stance_statements" ("workspaceId", "id")
  WHERE "conditionText" IS NOT NULL AND "conditionIssueId" IS NULL;
