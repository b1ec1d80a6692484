-- CreateIndex
CREATE INDEX "stance_statements_workspaceId_statedOn_idx" ON "stance_statements"("workspaceId", "statedOn");
