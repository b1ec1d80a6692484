-- Blind double coding: rounds of quotes, their assigned coders and each coder's codes; a notification
-- to each coder when a round starts. The new enum value is not used in this migration.
-- CreateEnum
CREATE TYPE "CodingRoundStatus" AS ENUM ('OPEN', 'CLOSED');

-- AlterEnum
ALTER TYPE "NotificationKind" ADD VALUE 'CODING_ROUND_ASSIGNED';

-- AlterTable
ALTER TABLE "notifications" ADD COLUMN     "codingRoundId" UUID;

-- CreateTable
CREATE TABLE "coding_rounds" (
    "id" UUID NOT NULL,
    "workspaceId" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "status" "CodingRoundStatus" NOT NULL DEFAULT 'OPEN',
    "createdById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closedAt" TIMESTAMP(3),
    CONSTRAINT "coding_rounds_title_length" CHECK (char_length("title") BETWEEN 1 AND 200),
    CONSTRAINT "coding_rounds_closed" CHECK (("status" = 'CLOSED') = ("closedAt" IS NOT NULL)),

    CONSTRAINT "coding_rounds_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "coding_units" (
    "roundId" UUID NOT NULL,
    "workspaceId" UUID NOT NULL,
    "evidenceId" UUID NOT NULL,
    "sortOrder" INTEGER NOT NULL,

    CONSTRAINT "coding_units_pkey" PRIMARY KEY ("roundId","evidenceId")
);

-- CreateTable
CREATE TABLE "coding_coders" (
    "roundId" UUID NOT NULL,
    "userId" UUID NOT NULL,

    CONSTRAINT "coding_coders_pkey" PRIMARY KEY ("roundId","userId")
);

-- CreateTable
CREATE TABLE "coding_codes" (
    "roundId" UUID NOT NULL,
    "workspaceId" UUID NOT NULL,
    "evidenceId" UUID NOT NULL,
    "coderId" UUID NOT NULL,
    "partyId" UUID NOT NULL,
    "issueId" UUID NOT NULL,
    "position" "Position" NOT NULL,
    "codedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "coding_codes_pkey" PRIMARY KEY ("roundId","evidenceId","coderId")
);

-- CreateIndex
CREATE INDEX "coding_rounds_workspaceId_createdAt_idx" ON "coding_rounds"("workspaceId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "coding_rounds_workspaceId_id_key" ON "coding_rounds"("workspaceId", "id");

-- CreateIndex
CREATE INDEX "coding_coders_userId_idx" ON "coding_coders"("userId");

-- AddForeignKey
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_codingRoundId_fkey" FOREIGN KEY ("codingRoundId") REFERENCES "coding_rounds"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "coding_rounds" ADD CONSTRAINT "coding_rounds_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "coding_rounds" ADD CONSTRAINT "coding_rounds_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "coding_units" ADD CONSTRAINT "coding_units_workspaceId_roundId_fkey" FOREIGN KEY ("workspaceId", "roundId") REFERENCES "coding_rounds"("workspaceId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "coding_units" ADD CONSTRAINT "coding_units_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "coding_units" ADD CONSTRAINT "coding_units_workspaceId_evidenceId_fkey" FOREIGN KEY ("workspaceId", "evidenceId") REFERENCES "evidence"("workspaceId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "coding_coders" ADD CONSTRAINT "coding_coders_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "coding_rounds"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "coding_coders" ADD CONSTRAINT "coding_coders_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "coding_codes" ADD CONSTRAINT "coding_codes_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "coding_rounds"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "coding_codes" ADD CONSTRAINT "coding_codes_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "coding_codes" ADD CONSTRAINT "coding_codes_roundId_evidenceId_fkey" FOREIGN KEY ("roundId", "evidenceId") REFERENCES "coding_units"("roundId", "evidenceId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "coding_codes" ADD CONSTRAINT "coding_codes_roundId_coderId_fkey" FOREIGN KEY ("roundId", "coderId") REFERENCES "coding_coders"("roundId", "userId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "coding_codes" ADD CONSTRAINT "coding_codes_workspaceId_partyId_fkey" FOREIGN KEY ("workspaceId", "partyId") REFERENCES "parties"("workspaceId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "coding_codes" ADD CONSTRAINT "coding_codes_workspaceId_issueId_fkey" FOREIGN KEY ("workspaceId", "issueId") REFERENCES "issues"("workspaceId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

