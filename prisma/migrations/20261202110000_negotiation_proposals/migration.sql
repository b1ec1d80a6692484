-- A party's proposals in the negotiation (draft treaties, non-papers, written responses, public
-- offers), their provisions as quotes of the proposal's document mapped to issues, and which
-- provision answers which. Every link uses a composite (workspaceId, id) key, so nothing can point
-- into another workspace. Not to be confused with stance_proposals (edits waiting for review).
-- CreateEnum
CREATE TYPE "NegotiationProposalKind" AS ENUM ('DRAFT_TREATY', 'NON_PAPER', 'WRITTEN_RESPONSE', 'PUBLIC_OFFER', 'OTHER');

-- CreateTable
CREATE TABLE "negotiation_proposals" (
    "id" UUID NOT NULL,
    "workspaceId" UUID NOT NULL,
    "partyId" UUID NOT NULL,
    "kind" "NegotiationProposalKind" NOT NULL,
    "title" TEXT NOT NULL,
    "proposedOn" DATE NOT NULL,
    "documentId" UUID,
    "documentPart" TEXT NOT NULL DEFAULT '',
    "answersId" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "negotiation_proposals_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "negotiation_proposals_title_length" CHECK (char_length("title") BETWEEN 1 AND 200),
    CONSTRAINT "negotiation_proposals_document_part_length" CHECK (char_length("documentPart") <= 200),
    CONSTRAINT "negotiation_proposals_part_needs_document" CHECK ("documentPart" = '' OR "documentId" IS NOT NULL),
    CONSTRAINT "negotiation_proposals_proposed_on_range" CHECK ("proposedOn" >= DATE '1900-01-01'),
    CONSTRAINT "negotiation_proposals_not_self_answer" CHECK ("answersId" IS NULL OR "answersId" <> "id")
);

-- CreateTable
CREATE TABLE "proposal_provisions" (
    "id" UUID NOT NULL,
    "workspaceId" UUID NOT NULL,
    "proposalId" UUID NOT NULL,
    "evidenceId" UUID NOT NULL,
    "label" TEXT NOT NULL,
    "sortOrder" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "proposal_provisions_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "proposal_provisions_label_length" CHECK (char_length("label") BETWEEN 1 AND 120)
);

-- CreateTable
CREATE TABLE "provision_issues" (
    "workspaceId" UUID NOT NULL,
    "provisionId" UUID NOT NULL,
    "issueId" UUID NOT NULL,

    CONSTRAINT "provision_issues_pkey" PRIMARY KEY ("provisionId","issueId")
);

-- CreateTable
CREATE TABLE "provision_answers" (
    "workspaceId" UUID NOT NULL,
    "provisionId" UUID NOT NULL,
    "answeredProvisionId" UUID NOT NULL,

    CONSTRAINT "provision_answers_pkey" PRIMARY KEY ("provisionId","answeredProvisionId"),
    CONSTRAINT "provision_answers_not_self" CHECK ("provisionId" <> "answeredProvisionId")
);

-- CreateIndex
CREATE UNIQUE INDEX "negotiation_proposals_workspaceId_id_key" ON "negotiation_proposals"("workspaceId", "id");
CREATE INDEX "negotiation_proposals_workspaceId_proposedOn_idx" ON "negotiation_proposals"("workspaceId", "proposedOn");
CREATE INDEX "negotiation_proposals_workspaceId_answersId_idx" ON "negotiation_proposals"("workspaceId", "answersId");
CREATE UNIQUE INDEX "proposal_provisions_workspaceId_id_key" ON "proposal_provisions"("workspaceId", "id");
CREATE UNIQUE INDEX "proposal_provisions_proposalId_evidenceId_key" ON "proposal_provisions"("proposalId", "evidenceId");
CREATE INDEX "proposal_provisions_workspaceId_evidenceId_idx" ON "proposal_provisions"("workspaceId", "evidenceId");
CREATE INDEX "provision_issues_workspaceId_issueId_idx" ON "provision_issues"("workspaceId", "issueId");
CREATE INDEX "provision_answers_workspaceId_answeredProvisionId_idx" ON "provision_answers"("workspaceId", "answeredProvisionId");

-- AddForeignKey
ALTER TABLE "negotiation_proposals" ADD CONSTRAINT "negotiation_proposals_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "negotiation_proposals" ADD CONSTRAINT "negotiation_proposals_workspaceId_partyId_fkey" FOREIGN KEY ("workspaceId", "partyId") REFERENCES "parties"("workspaceId", "id") ON DELETE NO ACTION ON UPDATE NO ACTION;
ALTER TABLE "negotiation_proposals" ADD CONSTRAINT "negotiation_proposals_workspaceId_documentId_fkey" FOREIGN KEY ("workspaceId", "documentId") REFERENCES "documents"("workspaceId", "id") ON DELETE NO ACTION ON UPDATE NO ACTION;
ALTER TABLE "negotiation_proposals" ADD CONSTRAINT "negotiation_proposals_workspaceId_answersId_fkey" FOREIGN KEY ("workspaceId", "answersId") REFERENCES "negotiation_proposals"("workspaceId", "id") ON DELETE NO ACTION ON UPDATE NO ACTION;
ALTER TABLE "proposal_provisions" ADD CONSTRAINT "proposal_provisions_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "proposal_provisions" ADD CONSTRAINT "proposal_provisions_workspaceId_proposalId_fkey" FOREIGN KEY ("workspaceId", "proposalId") REFERENCES "negotiation_proposals"("workspaceId", "id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "proposal_provisions" ADD CONSTRAINT "proposal_provisions_workspaceId_evidenceId_fkey" FOREIGN KEY ("workspaceId", "evidenceId") REFERENCES "evidence"("workspaceId", "id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "provision_issues" ADD CONSTRAINT "provision_issues_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "provision_issues" ADD CONSTRAINT "provision_issues_workspaceId_provisionId_fkey" FOREIGN KEY ("workspaceId", "provisionId") REFERENCES "proposal_provisions"("workspaceId", "id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "provision_issues" ADD CONSTRAINT "provision_issues_workspaceId_issueId_fkey" FOREIGN KEY ("workspaceId", "issueId") REFERENCES "issues"("workspaceId", "id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "provision_answers" ADD CONSTRAINT "provision_answers_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "provision_answers" ADD CONSTRAINT "provision_answers_workspaceId_provisionId_fkey" FOREIGN KEY ("workspaceId", "provisionId") REFERENCES "proposal_provisions"("workspaceId", "id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "provision_answers" ADD CONSTRAINT "provision_answers_workspaceId_answeredProvisionId_fkey" FOREIGN KEY ("workspaceId", "answeredProvisionId") REFERENCES "proposal_provisions"("workspaceId", "id") ON DELETE CASCADE ON UPDATE CASCADE;
