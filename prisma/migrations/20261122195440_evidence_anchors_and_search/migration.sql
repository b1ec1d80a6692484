-- CreateEnum
CREATE TYPE "AnchorStatus" AS ENUM ('ANCHORED', 'MOVED', 'CHANGED', 'ORPHANED');

-- CreateTable
CREATE TABLE "evidence_anchors" (
    "evidenceId" UUID NOT NULL,
    "revisionId" UUID NOT NULL,
    "workspaceId" UUID NOT NULL,
    "status" "AnchorStatus" NOT NULL,
    "score" DOUBLE PRECISION NOT NULL,
    "startOffset" INTEGER,
    "endOffset" INTEGER,
    "exact" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "reviewedAt" TIMESTAMP(3),
    "reviewedById" UUID,

    CONSTRAINT "evidence_anchors_pkey" PRIMARY KEY ("evidenceId","revisionId")
);

-- CreateTable
CREATE TABLE "suggestion_dismissals" (
    "revisionId" UUID NOT NULL,
    "workspaceId" UUID NOT NULL,
    "startOffset" INTEGER NOT NULL,
    "endOffset" INTEGER NOT NULL,
    "dismissedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "dismissedById" UUID,

    CONSTRAINT "suggestion_dismissals_pkey" PRIMARY KEY ("revisionId","startOffset","endOffset")
);

-- CreateIndex
CREATE INDEX "evidence_anchors_revisionId_idx" ON "evidence_anchors"("revisionId");

-- CreateIndex
CREATE INDEX "evidence_anchors_workspaceId_status_idx" ON "evidence_anchors"("workspaceId", "status");

-- AddForeignKey
ALTER TABLE "evidence_anchors" ADD CONSTRAINT "evidence_anchors_workspaceId_evidenceId_fkey" FOREIGN KEY ("workspaceId", "evidenceId") REFERENCES "evidence"("workspaceId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "evidence_anchors" ADD CONSTRAINT "evidence_anchors_workspaceId_revisionId_fkey" FOREIGN KEY ("workspaceId", "revisionId") REFERENCES "document_revisions"("workspaceId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "suggestion_dismissals" ADD CONSTRAINT "suggestion_dismissals_workspaceId_revisionId_fkey" FOREIGN KEY ("workspaceId", "revisionId") REFERENCES "document_revisions"("workspaceId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "evidence_anchors"
  ADD CONSTRAINT "evidence_anchors_place_matches_status" CHECK (
    ("status" = 'ORPHANED') = ("startOffset" IS NULL)
    AND ("startOffset" IS NULL) = ("endOffset" IS NULL)
    AND ("startOffset" IS NULL OR ("startOffset" >= 0 AND "startOffset" < "endOffset"))
  ),
  ADD CONSTRAINT "evidence_anchors_score_range" CHECK ("score" >= 0 AND "score" <= 1);

-- Full-text search over document texts and quotes. The 'simple' configuration does no stemming,
-- so names and words in any language match as written.
CREATE INDEX "document_revisions_text_search" ON "document_revisions" USING gin (to_tsvector('simple', "text"));
CREATE INDEX "evidence_exact_search" ON "evidence" USING gin (to_tsvector('simple', "exact"));
