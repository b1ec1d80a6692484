-- Dated landmarks of a negotiation (rounds, meetings, deadlines, leaks) with the parties at them and
-- the documents about them. Links use composite keys, so an event cannot name another workspace's
-- party or document.
-- CreateEnum
CREATE TYPE "NegotiationEventKind" AS ENUM ('ROUND', 'MEETING', 'DEADLINE', 'LEAK', 'OTHER');

-- CreateTable
CREATE TABLE "negotiation_events" (
    "id" UUID NOT NULL,
    "workspaceId" UUID NOT NULL,
    "kind" "NegotiationEventKind" NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "occurredOn" DATE NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdById" UUID,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "negotiation_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "negotiation_event_parties" (
    "workspaceId" UUID NOT NULL,
    "eventId" UUID NOT NULL,
    "partyId" UUID NOT NULL,

    CONSTRAINT "negotiation_event_parties_pkey" PRIMARY KEY ("eventId","partyId")
);

-- CreateTable
CREATE TABLE "negotiation_event_documents" (
    "workspaceId" UUID NOT NULL,
    "eventId" UUID NOT NULL,
    "documentId" UUID NOT NULL,

    CONSTRAINT "negotiation_event_documents_pkey" PRIMARY KEY ("eventId","documentId")
);

-- CreateIndex
CREATE INDEX "negotiation_events_workspaceId_occurredOn_idx" ON "negotiation_events"("workspaceId", "occurredOn");

-- CreateIndex
CREATE UNIQUE INDEX "negotiation_events_workspaceId_id_key" ON "negotiation_events"("workspaceId", "id");

-- CreateIndex
CREATE INDEX "negotiation_event_parties_workspaceId_partyId_idx" ON "negotiation_event_parties"("workspaceId", "partyId");

-- CreateIndex
CREATE INDEX "negotiation_event_documents_workspaceId_documentId_idx" ON "negotiation_event_documents"("workspaceId", "documentId");

-- AddForeignKey
ALTER TABLE "negotiation_events" ADD CONSTRAINT "negotiation_events_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "negotiation_events" ADD CONSTRAINT "negotiation_events_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "negotiation_event_parties" ADD CONSTRAINT "negotiation_event_parties_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "negotiation_event_parties" ADD CONSTRAINT "negotiation_event_parties_workspaceId_eventId_fkey" FOREIGN KEY ("workspaceId", "eventId") REFERENCES "negotiation_events"("workspaceId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "negotiation_event_parties" ADD CONSTRAINT "negotiation_event_parties_workspaceId_partyId_fkey" FOREIGN KEY ("workspaceId", "partyId") REFERENCES "parties"("workspaceId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "negotiation_event_documents" ADD CONSTRAINT "negotiation_event_documents_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "negotiation_event_documents" ADD CONSTRAINT "negotiation_event_documents_workspaceId_eventId_fkey" FOREIGN KEY ("workspaceId", "eventId") REFERENCES "negotiation_events"("workspaceId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "negotiation_event_documents" ADD CONSTRAINT "negotiation_event_documents_workspaceId_documentId_fkey" FOREIGN KEY ("workspaceId", "documentId") REFERENCES "documents"("workspaceId", "id") ON DELETE CASCADE ON UPDATE CASCADE;


ALTER TABLE "negotiation_events"
  ADD CONSTRAINT "negotiation_events_title_length" CHECK (char_length("title") BETWEEN 1 AND 200),
  ADD CONSTRAINT "negotiation_events_description_length" CHECK (char_length("description") <= 5000),
  ADD CONSTRAINT "negotiation_events_occurred_on_range" CHECK ("occurredOn" >= DATE '1900-01-01');
