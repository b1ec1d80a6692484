-- A proposal's red line and condition, as the proposed statement would carry them:
-- { redLine?, conditionText?, conditionCell? }; a correction's missing keys carry the corrected
-- statement's own when the proposal is accepted.
ALTER TABLE "stance_proposals" ADD COLUMN "qualities" JSONB;
