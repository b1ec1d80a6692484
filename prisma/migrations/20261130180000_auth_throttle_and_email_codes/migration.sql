-- Sign-in throttling per client address as well as per account.
ALTER TABLE "login_attempts" ADD COLUMN "address" TEXT NOT NULL DEFAULT 'local';
CREATE INDEX "login_attempts_address_at_idx" ON "login_attempts"("address", "at");

-- Rate-limited actions other than sign-in (registration, invitation codes).
CREATE TABLE "throttle_events" (
    "id" BIGSERIAL NOT NULL,
    "scope" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "throttle_events_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "throttle_events_scope_address_at_idx" ON "throttle_events"("scope", "address", "at");

-- One-time codes that prove a registrant reads the address an invitation is bound to.
ALTER TABLE "invitations" ADD COLUMN "emailCodeHash" TEXT,
ADD COLUMN "emailCodeExpiresAt" TIMESTAMP(3),
ADD COLUMN "emailCodeAttempts" INTEGER NOT NULL DEFAULT 0;
