-- CreateIndex
CREATE INDEX "UserSitePreference_siteId_userId_idx" ON "UserSitePreference"("siteId", "userId");

-- CreateIndex
CREATE INDEX "Vote_createdAt_userId_idx" ON "Vote"("createdAt", "userId");
