-- Imported PDFs keep where each page starts, and every uploaded file is kept as it came (see
-- lib/documents/extract-text.ts for the limits).
-- AlterTable
ALTER TABLE "document_revisions" ADD COLUMN     "pageStarts" INTEGER[] DEFAULT ARRAY[]::INTEGER[];

-- CreateTable
CREATE TABLE "document_files" (
    "id" UUID NOT NULL,
    "workspaceId" UUID NOT NULL,
    "revisionId" UUID NOT NULL,
    "fileName" TEXT NOT NULL,
    "mediaType" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "bytes" BYTEA NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "document_files_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "document_files_workspaceId_revisionId_key" ON "document_files"("workspaceId", "revisionId");

-- AddForeignKey
ALTER TABLE "document_files" ADD CONSTRAINT "document_files_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "document_files" ADD CONSTRAINT "document_files_workspaceId_revisionId_fkey" FOREIGN KEY ("workspaceId", "revisionId") REFERENCES "document_revisions"("workspaceId", "id") ON DELETE CASCADE ON UPDATE CASCADE;


ALTER TABLE "document_files"
  ADD CONSTRAINT "document_files_size" CHECK ("size" = octet_length("bytes") AND "size" BETWEEN 1 AND 20971520),
  ADD CONSTRAINT "document_files_sha256" CHECK ("sha256" ~ '^[0-9a-f]{64}$');
