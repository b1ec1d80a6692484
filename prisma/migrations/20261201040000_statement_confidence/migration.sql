-- Every statement carries its recording analyst's confidence; statements recorded before there
-- was one count as medium, the default.
CREATE TYPE "Confidence" AS ENUM ('LOW', 'MEDIUM', 'HIGH');

ALTER TABLE "stance_statements"
  ADD COLUMN "confidence" "Confidence" NOT NULL DEFAULT 'MEDIUM',
  ADD COLUMN "confidenceRationale" TEXT;

ALTER TABLE "stance_statements"
  ADD CONSTRAINT "stance_statements_confidence_rationale_length" CHECK (char_length("confidenceRationale") BETWEEN 1 AND 500);
