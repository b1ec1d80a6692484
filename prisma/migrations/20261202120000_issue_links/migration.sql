-- Linked issues: a package deal or a sequence ("first before second") between two issues of the
-- same workspace, optionally insisted on by one of its parties from a date. The composite keys
-- refuse another workspace's issue or party.
-- CreateEnum
CREATE TYPE "IssueLinkKind" AS ENUM ('PACKAGE', 'SEQUENCING', 'OTHER');

-- CreateTable
CREATE TABLE "issue_links" (
    "id" UUID NOT NULL,
    "workspaceId" UUID NOT NULL,
    "kind" "IssueLinkKind" NOT NULL,
    "firstIssueId" UUID NOT NULL,
    "secondIssueId" UUID NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "partyId" UUID,
    "holdsFrom" DATE,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "issue_links_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "issue_links_distinct_issues" CHECK ("firstIssueId" <> "secondIssueId"),
    CONSTRAINT "issue_links_note_length" CHECK (char_length("note") <= 1000)
);

-- CreateIndex
CREATE INDEX "issue_links_workspaceId_firstIssueId_idx" ON "issue_links"("workspaceId", "firstIssueId");

-- CreateIndex
CREATE INDEX "issue_links_workspaceId_secondIssueId_idx" ON "issue_links"("workspaceId", "secondIssueId");

-- CreateIndex
CREATE UNIQUE INDEX "issue_links_workspaceId_id_key" ON "issue_links"("workspaceId", "id");

-- AddForeignKey
ALTER TABLE "issue_links" ADD CONSTRAINT "issue_links_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "issue_links" ADD CONSTRAINT "issue_links_workspaceId_firstIssueId_fkey" FOREIGN KEY ("workspaceId", "firstIssueId") REFERENCES "issues"("workspaceId", "id") ON DELETE NO ACTION ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "issue_links" ADD CONSTRAINT "issue_links_workspaceId_secondIssueId_fkey" FOREIGN KEY ("workspaceId", "secondIssueId") REFERENCES "issues"("workspaceId", "id") ON DELETE NO ACTION ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "issue_links" ADD CONSTRAINT "issue_links_workspaceId_partyId_fkey" FOREIGN KEY ("workspaceId", "partyId") REFERENCES "parties"("workspaceId", "id") ON DELETE NO ACTION ON UPDATE NO ACTION;
